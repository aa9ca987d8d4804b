dump --lang en fixtures/text/filedate-notice-book.txt
