check --no-default-rulesets --ruleset rulesets/eia.xml --select EIA506 fixtures/targets/sig-copied.docx fixtures/docx/eia-form-typed.docx fixtures/xml/eia-form-word-flatopc.xml
