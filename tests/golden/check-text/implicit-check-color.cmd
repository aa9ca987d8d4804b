fixtures/check/residue.md --color always
