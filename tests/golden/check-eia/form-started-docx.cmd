check --no-default-rulesets --ruleset rulesets/eia.xml --format json fixtures/eia/form-started.docx
