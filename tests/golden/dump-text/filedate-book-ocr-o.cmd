dump fixtures/text/filedate-book-ocr-o.txt
