check --no-default-rulesets --ruleset rulesets/filing.xml --doc-type eia-form fixtures/check/untyped.md
