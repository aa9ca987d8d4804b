check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/xml/word2003-suppress.xml
