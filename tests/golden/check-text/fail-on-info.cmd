check --fail-on info fixtures/check/untyped.md
