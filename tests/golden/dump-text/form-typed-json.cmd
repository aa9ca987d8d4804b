dump --format json fixtures/text/eia-form-typed.txt
