explain --lang en EIA502
