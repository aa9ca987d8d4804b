check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA107,EIA100,EIA501 fixtures/forms/form99-2019.md
