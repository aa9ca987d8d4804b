check --select LAW001 --fail-on info fixtures/law/form-2024-current.md
