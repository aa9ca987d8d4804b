explain --ruleset fixtures/rulesets/dated.xml DT001
