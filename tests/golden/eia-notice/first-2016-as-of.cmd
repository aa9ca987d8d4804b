check --no-default-rulesets --ruleset rulesets/eia-pp.xml --as-of 2024-01-01 fixtures/eia/notice/first-2016.txt
