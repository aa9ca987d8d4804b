data --no-default-rulesets --ruleset fixtures/rulesets/demo-eia.xml
