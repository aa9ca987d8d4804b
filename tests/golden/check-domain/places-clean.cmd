check --select EIA302,EIA304 fixtures/eia-domain/places-clean.docx
