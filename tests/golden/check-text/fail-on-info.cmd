check --no-default-rulesets --ruleset rulesets/filing.xml --fail-on info fixtures/check/untyped.md
