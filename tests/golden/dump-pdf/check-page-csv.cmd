check --lang zh -f csv --no-default-rulesets --ruleset fixtures/pdf/page-demo.xml fixtures/pdf/eia-form-typed.pdf fixtures/check/residue.md
