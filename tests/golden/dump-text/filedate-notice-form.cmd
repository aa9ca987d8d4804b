dump fixtures/text/filedate-notice-form.txt
