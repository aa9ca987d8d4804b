dump fixtures/text/filedate-weak.txt
