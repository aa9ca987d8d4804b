check -f csv --select DOC001 fixtures/csv/formula-cells.md fixtures/check/residue.md fixtures/check/missing.md
