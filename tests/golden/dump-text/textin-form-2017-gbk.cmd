dump fixtures/text/textin-form-2017-gbk.txt
