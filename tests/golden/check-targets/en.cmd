check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA207,EIA208 --lang en fixtures/targets/form21-village.md fixtures/targets/form21-stale.md
