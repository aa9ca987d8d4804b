dump --lang en fixtures/reading/form99-6cell.docx
