check -v --select DATA001 --as-of 2099-01-01 fixtures/docx/eia-pp-lo.docx fixtures/check/residue.md
