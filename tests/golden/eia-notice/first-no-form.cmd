check --no-default-rulesets --ruleset rulesets/eia-pp.xml fixtures/eia/notice/first-no-form.txt
