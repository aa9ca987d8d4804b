check --no-default-rulesets --ruleset rulesets/soil.xml --fail-on info fixtures/soil/plan-saferuse.md fixtures/soil/plan-survey.md fixtures/soil/summary-saferuse.md
