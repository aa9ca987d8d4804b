explain --lang zh EIA504
