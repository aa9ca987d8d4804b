check fixtures/check/foreign-props.docx
