check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soil/variants/sign-soil301.txt
