check --lang en --no-default-rulesets --ruleset rulesets/eia.xml --select EIA106,EIA107,EIA109 fixtures/forms/form21-ecology-gaps.md
