dump --lang en fixtures/text/filedate-pp-cover.txt
