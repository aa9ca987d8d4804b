check fixtures/soillaw/plan-offsite.md fixtures/soillaw/plan-offsite-pandoc.docx fixtures/soillaw/plan-insitu.md fixtures/soillaw/plan-offsite-pointer.md fixtures/soillaw/plan-offsite-designated.md
