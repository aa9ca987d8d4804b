dump --lang en fixtures/reading/notice-bureau.txt
