dump fixtures/reading/soil-plan-cover.txt
