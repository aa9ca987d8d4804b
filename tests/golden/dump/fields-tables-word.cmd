dump fixtures/docx/fields-tables-word.docx
