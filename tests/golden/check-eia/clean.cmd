check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/eia/form-clean-expansion.md fixtures/eia/form-clean-expansion.docx fixtures/eia/book-clean.md
