check --fail-on warning fixtures/docx/eia-pp-lo.docx
