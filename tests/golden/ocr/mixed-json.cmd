dump --lang en --ocr -f json fixtures/ocr/eia-pp-mixed.pdf
