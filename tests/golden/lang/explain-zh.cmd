explain --lang zh EIA502
