check --no-default-rulesets --ruleset rulesets/eia.xml --ruleset rulesets/eia-pp.xml fixtures/eia-law/book-2018.md fixtures/eia-law/form-2020.md
