check --select LAW001 --format json fixtures/law/form-2023-kept-list.md
