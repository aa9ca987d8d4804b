dump --lang en --format json fixtures/docx/eia-pp-lo.docx
