dump --format json fixtures/xml/eia-form-word-flatopc.xml
