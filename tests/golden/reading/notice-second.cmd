dump fixtures/reading/notice-second.txt
