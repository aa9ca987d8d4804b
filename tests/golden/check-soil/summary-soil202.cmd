check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/summary-soil202.md
