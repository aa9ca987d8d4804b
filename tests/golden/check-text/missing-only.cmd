check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/check/missing.md
