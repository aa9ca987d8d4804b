dump --lang en fixtures/text/textin-sign-pipes.txt
