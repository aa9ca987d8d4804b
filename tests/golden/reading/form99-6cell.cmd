dump fixtures/reading/form99-6cell.docx
