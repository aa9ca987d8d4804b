check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soillaw/plan-farmland-soil110.md
