check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA204,EIA210 fixtures/eia-law/book-redline-line.md fixtures/eia-law/form-water-intake.md fixtures/eia/form-redline.md
