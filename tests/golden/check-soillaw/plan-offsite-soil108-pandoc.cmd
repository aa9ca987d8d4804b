check --no-default-rulesets --ruleset rulesets/soil.xml fixtures/soillaw/plan-offsite-soil108-pandoc.docx
