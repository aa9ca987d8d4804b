check --select LAW001 fixtures/law/plan-2021-soil.md
