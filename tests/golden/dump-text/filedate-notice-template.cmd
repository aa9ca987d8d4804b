dump --lang en fixtures/text/filedate-notice-template.txt
