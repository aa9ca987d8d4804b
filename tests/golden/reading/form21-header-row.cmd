dump --lang en fixtures/reading/form21-header-row.docx
