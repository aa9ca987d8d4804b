check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA205,EIA206 --as-of 2023-01-01 fixtures/grades/book-old-2017.md
