dump fixtures/text/filedate-form-unfilled.txt
