dump --lang en fixtures/reading/form21-ocr.txt
