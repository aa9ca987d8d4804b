check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA507 fixtures/sheet/form21-type.txt
