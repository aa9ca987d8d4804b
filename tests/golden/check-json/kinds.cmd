check --no-default-rulesets --ruleset rulesets/filing.xml --format json --ruleset fixtures/rulesets/demo-eia.xml fixtures/check/eia-form-demo.md fixtures/check/untyped.md
