dump fixtures/text/textin-sign-pipes.txt
