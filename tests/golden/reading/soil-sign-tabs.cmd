dump fixtures/reading/soil-sign-tabs.txt
