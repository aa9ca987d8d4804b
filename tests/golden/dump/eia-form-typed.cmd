dump --lang en --format json fixtures/docx/eia-form-typed.docx
