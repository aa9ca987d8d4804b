dump --format json fixtures/docx/eia-pp-lo.docx
