check --select DOC010 fixtures/eia-law
