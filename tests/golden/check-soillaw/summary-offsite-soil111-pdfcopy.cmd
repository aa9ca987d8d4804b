check --select SOIL111 fixtures/soillaw/summary-offsite-soil111-pdfcopy.txt
