rules --ruleset fixtures/rulesets/bad-regex.xml
