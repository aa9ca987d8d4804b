check --no-default-rulesets --ruleset rulesets/eia.xml --as-of 2022-01-01 --select EIA209 fixtures/arith/form99-old.txt
