check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/eia-law/book-lookalikes.md
