check --select EIA405,EIA407 fixtures/eia-law/pp-personal.md
