check --ignore DOC011 --select DOC fixtures/check/clean.md
