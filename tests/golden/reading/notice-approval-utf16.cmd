dump --lang en fixtures/reading/notice-approval-utf16.txt
