check fixtures/check/clean.md
