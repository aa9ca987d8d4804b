check --no-default-rulesets --ruleset rulesets/filing.xml fixtures/check/foreign-props.docx
