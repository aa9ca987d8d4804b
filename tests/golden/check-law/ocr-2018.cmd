check --select LAW001 fixtures/law/book-2018-ocr.txt
