check -f json fixtures/check/residue.md
