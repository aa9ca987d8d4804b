dump fixtures/reading/notice-bureau.txt
