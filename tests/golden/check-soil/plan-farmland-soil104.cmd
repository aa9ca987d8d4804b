check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/plan-farmland-soil104.md
