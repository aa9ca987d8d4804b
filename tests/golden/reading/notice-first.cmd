dump --lang en fixtures/reading/notice-first.txt
