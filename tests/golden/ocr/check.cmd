check --lang en --ocr fixtures/ocr/eia-pp-mixed.pdf
