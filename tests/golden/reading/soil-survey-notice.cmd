dump fixtures/reading/soil-survey-notice.txt
