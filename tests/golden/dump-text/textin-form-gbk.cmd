dump fixtures/text/textin-form-gbk.txt
