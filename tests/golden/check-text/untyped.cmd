check fixtures/check/untyped.md
