check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA205,EIA206 fixtures/grades/form-zone-clean.md
