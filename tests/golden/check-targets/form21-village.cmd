check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA207,EIA208 fixtures/targets/form21-village.md
