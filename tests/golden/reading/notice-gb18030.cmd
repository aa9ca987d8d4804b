dump fixtures/reading/notice-gb18030.txt
