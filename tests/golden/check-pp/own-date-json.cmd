check --format json --no-default-rulesets --ruleset rulesets/eia-pp.xml --select EIA408 fixtures/pp/pp-own-date.txt
