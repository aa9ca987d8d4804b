dump --lang en fixtures/reading/form21-caption-plain.docx
