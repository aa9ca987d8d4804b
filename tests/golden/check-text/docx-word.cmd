check fixtures/docx/eia-form-word.docx
