check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/plan-farmland-soil101.md
