dump fixtures/text/textin-form-utf16.txt
