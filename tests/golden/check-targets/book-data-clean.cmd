check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA207,EIA208 fixtures/targets/book-data-clean.md
