check --lang zh --no-default-rulesets --ruleset rulesets/eia.xml --select EIA506 fixtures/pdf/sig-copied.pdf fixtures/pdf/eia-form-typed.pdf fixtures/pdf/eia-form-word.pdf
