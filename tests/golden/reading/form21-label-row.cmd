dump --lang en fixtures/reading/form21-label-row.docx
