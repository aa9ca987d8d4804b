dump fixtures/reading/form21-label-row.docx
