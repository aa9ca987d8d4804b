check --no-default-rulesets --ruleset rulesets/filing.xml --fail-on warning fixtures/docx/eia-pp-lo.docx
