check --no-default-rulesets --ruleset fixtures/batch/rulesets/sibling.xml fixtures/batch/sibling
