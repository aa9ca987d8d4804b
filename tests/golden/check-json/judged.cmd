check -f json --no-default-rulesets --ruleset fixtures/rulesets/dated.xml fixtures/check/dated-form-2019.md fixtures/check/residue.md
