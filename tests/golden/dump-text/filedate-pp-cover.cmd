dump fixtures/text/filedate-pp-cover.txt
