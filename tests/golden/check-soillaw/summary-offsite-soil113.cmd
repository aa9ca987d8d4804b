check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soillaw/summary-offsite-soil113.md
