dump --lang en fixtures/reading/soil-plan-cover.txt
