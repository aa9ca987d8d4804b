dump fixtures/reading/pp-gb18030.txt
