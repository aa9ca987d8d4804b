dump fixtures/text/textin-notice-mixed.txt
