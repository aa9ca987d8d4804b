check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA107,EIA100,EIA501 --as-of 2021-05-10 fixtures/forms/form99-2019.md
