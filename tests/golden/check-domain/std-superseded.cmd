check --select STD fixtures/eia-domain/std-superseded.docx
