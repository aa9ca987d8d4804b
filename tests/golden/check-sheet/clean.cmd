check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA507 fixtures/sheet/form21-ok.txt fixtures/reading/form21-staff-text.txt fixtures/eia/form-staff.md
