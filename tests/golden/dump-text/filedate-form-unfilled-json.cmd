dump --format json fixtures/text/filedate-form-unfilled.txt
