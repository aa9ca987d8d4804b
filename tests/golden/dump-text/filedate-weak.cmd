dump --lang en fixtures/text/filedate-weak.txt
