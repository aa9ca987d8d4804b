dump --lang en fixtures/reading/pp-gb18030.txt
