dump --lang en fixtures/text/eia-book-decimal.txt
