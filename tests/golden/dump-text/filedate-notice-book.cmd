dump fixtures/text/filedate-notice-book.txt
