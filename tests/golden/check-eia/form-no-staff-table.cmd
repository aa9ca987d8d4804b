check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/eia/form-no-staff-table.md
