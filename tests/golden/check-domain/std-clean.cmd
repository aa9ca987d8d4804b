check --select STD fixtures/eia-domain/std-clean.docx
