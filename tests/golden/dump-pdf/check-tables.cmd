check --lang zh fixtures/pdf/eia-form-word.pdf fixtures/pdf/sig-copied.pdf fixtures/pdf/tables-html.pdf
