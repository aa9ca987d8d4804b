check -f json --no-default-rulesets --ruleset fixtures/rulesets/backtrack.xml fixtures/check/long-paragraph.md fixtures/check/clean.md
