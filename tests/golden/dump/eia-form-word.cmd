dump --format json fixtures/docx/eia-form-word.docx
