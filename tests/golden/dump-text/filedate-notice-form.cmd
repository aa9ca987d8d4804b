dump --lang en fixtures/text/filedate-notice-form.txt
