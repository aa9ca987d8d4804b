dump --lang en fixtures/text/filedate-notice-second.txt
