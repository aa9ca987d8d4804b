check --no-default-rulesets --ruleset rulesets/eia.xml --ruleset rulesets/eia-pp.xml --as-of 2024-06-01 fixtures/eia-law/book-2018.md
