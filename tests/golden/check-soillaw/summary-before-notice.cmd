check --select SOIL111 --as-of 2020-08-01 fixtures/soillaw/summary-offsite-soil111.md
