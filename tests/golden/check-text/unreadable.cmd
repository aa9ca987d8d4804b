check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/check/clean.md fixtures/check/missing.md fixtures/check/residue.md
