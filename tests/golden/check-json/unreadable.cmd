check --no-default-rulesets --ruleset rulesets/filing.xml -f json fixtures/check/clean.md fixtures/check/missing.md fixtures/hostile/not-a-zip.docx
