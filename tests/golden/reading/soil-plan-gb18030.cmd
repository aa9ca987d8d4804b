dump --lang en fixtures/reading/soil-plan-gb18030.txt
