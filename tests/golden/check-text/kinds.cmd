check --no-default-rulesets --ruleset rulesets/filing.xml --ruleset fixtures/rulesets/demo-eia.xml fixtures/check/eia-form-demo.md
