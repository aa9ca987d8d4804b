check fixtures/rulesets
