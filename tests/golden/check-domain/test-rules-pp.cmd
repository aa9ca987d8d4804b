test-rules rulesets/eia-pp.xml
