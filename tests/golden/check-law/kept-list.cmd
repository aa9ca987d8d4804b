check --select LAW001 fixtures/law/form-2023-kept-list.md
