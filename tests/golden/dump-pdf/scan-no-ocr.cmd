check --lang en fixtures/ocr/eia-form-scan.pdf fixtures/ocr/eia-pp-mixed.pdf
