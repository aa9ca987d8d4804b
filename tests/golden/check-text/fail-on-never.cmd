check --no-default-rulesets --ruleset rulesets/filing.xml --fail-on never fixtures/check/residue.md
