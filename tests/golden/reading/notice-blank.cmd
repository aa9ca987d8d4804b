dump fixtures/reading/notice-blank.txt
