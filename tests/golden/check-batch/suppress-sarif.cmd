check -f sarif --select DOC001,LINT fixtures/batch/suppress-flatopc.xml
