check fixtures/soillaw/summary-offsite.md fixtures/soillaw/summary-offsite-approved.md fixtures/soillaw/plan-farmland.md
