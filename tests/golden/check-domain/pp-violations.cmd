check --select EIA402,EIA403,EIA404,EIA405,EIA406 fixtures/eia-domain/pp-violations.docx
