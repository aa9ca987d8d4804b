dump --lang en fixtures/text/filedate-form-spaced.txt
