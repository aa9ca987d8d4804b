check -f sarif --no-default-rulesets --ruleset fixtures/rulesets/demo-eia.xml fixtures/check/eia-form-demo.md fixtures/check/missing.md
