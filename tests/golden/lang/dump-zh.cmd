dump --lang zh fixtures/text/eia-book-decimal.txt fixtures/text/textin-form-gbk.txt fixtures/check/untyped.md
