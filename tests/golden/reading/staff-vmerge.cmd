dump fixtures/reading/staff-vmerge.docx
