check --select EIA302,EIA304 fixtures/eia-law/form-lookalikes.md fixtures/eia-law/form-waters.md fixtures/eia-law/form-waters-copied.md
