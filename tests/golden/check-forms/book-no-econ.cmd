check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA106,EIA107,EIA109 fixtures/forms/book-no-econ.md
