check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA507 fixtures/sheet/book-unit.md
