check fixtures/docx/eia-pp-lo.docx
