dump --lang en --format json fixtures/pdf/eia-pp.pdf
