test-rules fixtures/rulesets/demo-eia.xml
