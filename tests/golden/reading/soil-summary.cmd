dump fixtures/reading/soil-summary.md
