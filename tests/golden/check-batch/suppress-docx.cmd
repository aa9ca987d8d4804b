check -f json --select DOC001,DOC003,LINT fixtures/batch/suppress.docx
