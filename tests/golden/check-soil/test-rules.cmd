test-rules rulesets/soil.xml
