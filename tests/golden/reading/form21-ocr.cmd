dump fixtures/reading/form21-ocr.txt
