explain EIA108
