dump --lang zh fixtures/pdf/soil-summary.pdf
