test-rules fixtures/rulesets/failing-examples.xml
