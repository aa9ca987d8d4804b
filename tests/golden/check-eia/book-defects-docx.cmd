check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/eia/book-defects.docx
