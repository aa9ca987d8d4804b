dump --lang en fixtures/reading/staff-vmerge.docx
