test-rules rulesets/eia-places.xml
