check --select LAW001 --as-of 2021-06-01 fixtures/law/book-2018-ocr.txt
