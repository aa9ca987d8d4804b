check --no-default-rulesets --ruleset rulesets/eia-pp.xml --select EIA408,EIA409 fixtures/pp/pp-order.md
