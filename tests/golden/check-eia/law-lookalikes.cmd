check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA102,EIA105,EIA110,EIA202,EIA401 fixtures/eia-law/form-lookalikes.md fixtures/eia-law/book-lookalikes.md
