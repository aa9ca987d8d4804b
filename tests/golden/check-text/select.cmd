check --no-default-rulesets --ruleset rulesets/filing.xml --ruleset fixtures/rulesets/demo-eia.xml --select T1,DOC --ignore DOC001 --ignore T100 fixtures/check/eia-form-demo.md
