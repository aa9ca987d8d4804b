check --select EIA108 --fail-on info fixtures/mulu
