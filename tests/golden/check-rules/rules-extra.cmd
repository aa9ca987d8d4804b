rules --ruleset fixtures/rulesets/demo-eia.xml
