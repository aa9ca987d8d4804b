check --lang zh --ocr fixtures/hostile/pdf-ocr-noise.pdf fixtures/pdf/soil-summary.pdf
