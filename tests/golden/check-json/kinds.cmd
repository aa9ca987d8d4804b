check --format json --ruleset fixtures/rulesets/demo-eia.xml fixtures/check/eia-form-demo.md fixtures/check/untyped.md
