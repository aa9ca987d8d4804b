check --lang en --no-default-rulesets --ruleset rulesets/eia.xml --select EIA209 fixtures/arith/form21-table-sum.md fixtures/arith/book-sentence.md
