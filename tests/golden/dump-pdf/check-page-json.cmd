check --lang en -f json --no-default-rulesets --ruleset fixtures/pdf/page-demo.xml fixtures/pdf/eia-form-typed.pdf
