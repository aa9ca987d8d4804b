check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA503,EIA508 fixtures/eia/form-staff.docx fixtures/eia/form-clean-expansion.md fixtures/eia/form-clean-expansion.docx
