check -f jsonl --as-of 2019-12 --no-default-rulesets --ruleset fixtures/rulesets/dated.xml fixtures/check/dated-form-2019.md
