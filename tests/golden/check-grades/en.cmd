check --lang en --no-default-rulesets --ruleset rulesets/eia.xml --select EIA205,EIA206 fixtures/grades/book-noise-risk.md fixtures/grades/form-zone-noise.md
