dump --lang en fixtures/text/filedate-form-unfilled.txt
