check -f json fixtures/check/clean.md fixtures/check/missing.md fixtures/hostile/not-a-zip.docx
