check -f csv --select DOC001 fixtures/check/clean.md
