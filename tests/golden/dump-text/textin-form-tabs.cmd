dump --lang en fixtures/text/textin-form-tabs.txt
