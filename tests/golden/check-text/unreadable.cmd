check fixtures/check/clean.md fixtures/check/missing.md fixtures/check/residue.md
