dump --lang en fixtures/text/textin-form-2017-gbk.txt
