check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA202 fixtures/eia-law/form-late-monitoring.md
