dump --lang en -f json fixtures/text/soil-plan.md
