dump fixtures/text/filedate-form-spaced.txt
