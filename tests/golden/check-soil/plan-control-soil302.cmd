check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/plan-control-soil302.md
