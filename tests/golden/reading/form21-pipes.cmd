dump fixtures/reading/form21-pipes.txt
