check --no-default-rulesets --ruleset rulesets/filing.xml -f json fixtures/check/residue.md
