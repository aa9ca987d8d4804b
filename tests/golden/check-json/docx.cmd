check -f json fixtures/docx/eia-form-word.docx fixtures/check/foreign-props.docx
