dump fixtures/text/eia-form-typed.txt
