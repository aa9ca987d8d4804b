dump --lang en fixtures/reading/form21-pipes.txt
