dump --lang en --format json fixtures/text/filedate-form-unfilled.txt
