dump fixtures/reading/form21-caption-plain.docx
