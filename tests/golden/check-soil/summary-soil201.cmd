check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/summary-soil201.md
