dump --lang en fixtures/text/eia-form-typed.txt
