check --lang zh -f json fixtures/hostile/pdf-encrypted.pdf fixtures/hostile/pdf-no-text.pdf
