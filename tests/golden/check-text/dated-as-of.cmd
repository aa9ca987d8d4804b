check -v --as-of 2021-06-01 --no-default-rulesets --ruleset fixtures/rulesets/dated.xml fixtures/check/dated-form-2019.md
