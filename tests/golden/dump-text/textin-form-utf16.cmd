dump --lang en fixtures/text/textin-form-utf16.txt
