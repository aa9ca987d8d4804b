check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/forms/form99-2022.md
