check -q fixtures/check/residue.md
