check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA503,EIA506 fixtures/eia/form-staff.docx fixtures/eia/form-clean-expansion.md fixtures/eia/form-clean-expansion.docx
