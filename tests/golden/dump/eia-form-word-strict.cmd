dump --lang en --format json fixtures/docx/eia-form-word-strict.docx
