dump --lang en --format json fixtures/text/filedate-notice-book.txt
