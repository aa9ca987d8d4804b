dump --lang en fixtures/hostile/pdf-rules-grid.pdf
