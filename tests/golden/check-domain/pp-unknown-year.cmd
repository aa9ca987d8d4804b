check --select EIA402,EIA403,EIA404,EIA405,EIA406 --fail-on info fixtures/eia-domain/pp-2030.txt
