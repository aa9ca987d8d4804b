check --lang zh --no-default-rulesets --ruleset fixtures/pdf/page-demo.xml fixtures/pdf/eia-form-typed.pdf
