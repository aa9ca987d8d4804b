check --no-default-rulesets --ruleset rulesets/filing.xml -q fixtures/check/residue.md
