dump --lang en fixtures/text/filedate-form-body.txt
