dump --lang en --ocr fixtures/ocr/eia-form-scan.pdf
