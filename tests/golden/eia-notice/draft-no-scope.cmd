check --no-default-rulesets --ruleset rulesets/eia-pp.xml fixtures/eia/notice/draft-no-scope.txt
