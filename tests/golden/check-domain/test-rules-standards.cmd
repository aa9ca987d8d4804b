test-rules rulesets/standards.xml
