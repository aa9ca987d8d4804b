check --select STD,EIA302,EIA304,EIA402,EIA403,EIA404,EIA405,EIA406 --format json fixtures/eia-domain/places-copied.docx
