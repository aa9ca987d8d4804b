dump --lang en fixtures/reading/soil-survey-notice.txt
