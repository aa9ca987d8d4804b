dump --lang en fixtures/reading/notice-gb18030.txt
