explain --no-default-rulesets --ruleset rulesets/soil.xml SOIL110
