dump fixtures/text/soil-plan.md
