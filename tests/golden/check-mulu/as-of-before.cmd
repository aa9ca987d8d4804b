check --select EIA108 --as-of 2020-12-31 fixtures/mulu/form-hospital.md
