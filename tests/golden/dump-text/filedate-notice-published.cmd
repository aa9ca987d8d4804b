dump --lang en fixtures/text/filedate-notice-published.txt
