check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/docx/eia-pp-lo.docx
