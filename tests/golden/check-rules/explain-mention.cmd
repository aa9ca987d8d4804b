explain --ruleset fixtures/rulesets/demo-eia.xml T101
