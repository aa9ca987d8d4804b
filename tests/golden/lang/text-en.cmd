check --lang en -v --fail-on never fixtures/check/residue.md fixtures/check/untyped.md fixtures/check/missing.md fixtures/eia/form-staff.docx
