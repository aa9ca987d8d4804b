dump fixtures/text/filedate-notice-published.txt
