check -v --select DATA001 --as-of 2024-06-01 fixtures/docx/eia-pp-lo.docx
