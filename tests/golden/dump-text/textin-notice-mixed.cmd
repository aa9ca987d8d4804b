dump --lang en fixtures/text/textin-notice-mixed.txt
