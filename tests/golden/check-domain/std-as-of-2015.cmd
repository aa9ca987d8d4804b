check --select STD --as-of 2015-06-01 fixtures/eia-domain/std-undated.txt
