check --select STD fixtures/eia-domain/std-title.docx
