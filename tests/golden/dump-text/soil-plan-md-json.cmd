dump -f json fixtures/text/soil-plan.md
