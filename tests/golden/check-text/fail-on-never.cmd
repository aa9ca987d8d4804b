check --fail-on never fixtures/check/residue.md
