dump fixtures/text/eia-book-decimal.txt
