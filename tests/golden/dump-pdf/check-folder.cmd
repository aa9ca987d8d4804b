check --lang en -v fixtures/pdf
