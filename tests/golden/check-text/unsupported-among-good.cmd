check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/hostile/legacy.doc fixtures/check/residue.md
