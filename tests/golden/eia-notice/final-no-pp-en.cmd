check --no-default-rulesets --ruleset rulesets/eia-pp.xml --lang en fixtures/eia/notice/final-no-pp.txt
