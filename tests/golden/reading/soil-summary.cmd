dump --lang en fixtures/reading/soil-summary.md
