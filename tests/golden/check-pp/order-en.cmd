check --lang en --no-default-rulesets --ruleset rulesets/eia-pp.xml --select EIA408 fixtures/pp/pp-order.md fixtures/pp/pp-meeting.md
