check --select STD --as-of 2020-06-01 fixtures/eia-domain/std-undated.txt
