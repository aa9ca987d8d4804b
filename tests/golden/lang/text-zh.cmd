check --lang zh -v --fail-on never fixtures/check/residue.md fixtures/check/untyped.md fixtures/check/missing.md fixtures/eia/form-staff.docx
