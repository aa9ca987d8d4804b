dump --lang en --format json fixtures/xml/eia-form-word-flatopc.xml
