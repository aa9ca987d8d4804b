check --select DOC001,LINT fixtures/batch/suppress.md
