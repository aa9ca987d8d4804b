dump fixtures/reading/notice-first.txt
