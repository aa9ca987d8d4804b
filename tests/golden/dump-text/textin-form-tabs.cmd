dump fixtures/text/textin-form-tabs.txt
