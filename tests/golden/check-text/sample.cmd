check samples/eia-form-sample.md
