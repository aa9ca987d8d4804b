check --no-default-rulesets --ruleset rulesets/eia.xml fixtures/docx/eia-form-typed.docx fixtures/docx/eia-form-word.docx fixtures/docx/eia-book-pandoc.docx fixtures/docx/eia-pp-lo.docx
