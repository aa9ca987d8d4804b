check --no-default-rulesets --ruleset rulesets/eia-pp.xml fixtures/eia/notice/final-no-pp.txt
