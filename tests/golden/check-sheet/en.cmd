check --lang en --no-default-rulesets --ruleset rulesets/eia.xml --select EIA507 fixtures/sheet/book-unit.md fixtures/sheet/form21-type.txt
