check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/soil/variants/summary-saferuse-doc001.md
