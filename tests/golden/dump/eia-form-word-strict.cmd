dump --format json fixtures/docx/eia-form-word-strict.docx
