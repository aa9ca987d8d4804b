check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA506 --format json fixtures/targets/sig-copied.docx
