check fixtures/text/filedate-notice-form.txt
