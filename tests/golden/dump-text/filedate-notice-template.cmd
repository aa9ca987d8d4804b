dump fixtures/text/filedate-notice-template.txt
