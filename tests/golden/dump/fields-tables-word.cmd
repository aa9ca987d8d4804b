dump --lang en fixtures/docx/fields-tables-word.docx
