check --format json --no-default-rulesets --ruleset rulesets/eia.xml --select EIA205 fixtures/grades/book-air-pmax.md
