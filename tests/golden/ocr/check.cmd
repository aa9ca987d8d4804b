check --lang en --ocr fixtures/ocr/eia-pp-mixed.pdf fixtures/ocr/eia-form-scan.pdf
