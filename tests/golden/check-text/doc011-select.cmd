check --select DOC011 fixtures/check/residue.md fixtures/check/dated-form-2019.md fixtures/check/untyped.md
