check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA209 fixtures/arith/form21-emission-ok.md
