check --select EIA108 --format json fixtures/mulu/form-lamp-plating.md
