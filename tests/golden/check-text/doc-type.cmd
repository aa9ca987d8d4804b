check --doc-type eia-form fixtures/check/untyped.md
