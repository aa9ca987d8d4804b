dump --lang en fixtures/pdf/eia-form-word.pdf
