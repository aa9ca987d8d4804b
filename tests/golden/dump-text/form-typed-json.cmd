dump --lang en --format json fixtures/text/eia-form-typed.txt
