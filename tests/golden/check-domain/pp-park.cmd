check --select EIA402,EIA403,EIA404,EIA405,EIA406,EIA407 fixtures/eia-law/pp-park.md fixtures/eia-law/pp-park.docx fixtures/eia-law/pp-park-short.md
