dump --format json fixtures/docx/eia-form-typed.docx
