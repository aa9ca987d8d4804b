dump --lang en fixtures/text/textin-form-gbk.txt
