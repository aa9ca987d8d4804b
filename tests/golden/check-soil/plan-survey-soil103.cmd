check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/plan-survey-soil103.md
