check fixtures/text/filedate-notice-book.txt
