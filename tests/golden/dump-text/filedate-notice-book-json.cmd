dump --format json fixtures/text/filedate-notice-book.txt
