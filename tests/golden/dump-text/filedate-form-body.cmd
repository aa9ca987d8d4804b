dump fixtures/text/filedate-form-body.txt
