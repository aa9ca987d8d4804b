test-rules fixtures/rulesets/dated.xml
