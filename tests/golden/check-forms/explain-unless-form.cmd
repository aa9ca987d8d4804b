explain EIA100
