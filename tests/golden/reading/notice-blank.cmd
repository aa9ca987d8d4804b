dump --lang en fixtures/reading/notice-blank.txt
