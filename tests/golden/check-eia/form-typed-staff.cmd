check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/eia/form-typed-staff.docx
