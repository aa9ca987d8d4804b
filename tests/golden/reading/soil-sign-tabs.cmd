dump --lang en fixtures/reading/soil-sign-tabs.txt
