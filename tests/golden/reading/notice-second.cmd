dump --lang en fixtures/reading/notice-second.txt
