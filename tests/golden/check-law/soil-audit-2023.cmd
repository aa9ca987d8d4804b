check --select LAW001 --as-of 2023-01-01 fixtures/law/plan-2021-soil.md
