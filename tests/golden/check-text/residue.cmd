check fixtures/check/residue.md
