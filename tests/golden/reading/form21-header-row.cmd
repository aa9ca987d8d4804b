dump fixtures/reading/form21-header-row.docx
