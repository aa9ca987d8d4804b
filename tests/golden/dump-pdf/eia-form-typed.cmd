dump --lang en fixtures/pdf/eia-form-typed.pdf
