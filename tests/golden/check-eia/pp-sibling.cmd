check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/eia/pp-sibling
