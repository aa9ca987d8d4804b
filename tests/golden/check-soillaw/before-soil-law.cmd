check --no-default-rulesets --ruleset rulesets/soil.xml --as-of 2018-12-01 fixtures/soillaw/plan-offsite-soil108.md fixtures/soillaw/plan-offsite-soil109.md
