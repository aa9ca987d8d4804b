dump fixtures/reading/notice-approval-utf16.txt
