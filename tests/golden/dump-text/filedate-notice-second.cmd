dump fixtures/text/filedate-notice-second.txt
