dump --lang en fixtures/text/soil-plan.md
