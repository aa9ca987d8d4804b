check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA100,EIA105,EIA107 fixtures/forms/form99-tables-2020.xml fixtures/forms/form99-tables-no-targets.xml
