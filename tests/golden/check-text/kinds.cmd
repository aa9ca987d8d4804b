check --ruleset fixtures/rulesets/demo-eia.xml fixtures/check/eia-form-demo.md
