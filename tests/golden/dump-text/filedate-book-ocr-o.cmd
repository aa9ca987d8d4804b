dump --lang en fixtures/text/filedate-book-ocr-o.txt
