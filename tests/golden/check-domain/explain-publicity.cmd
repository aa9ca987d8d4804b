explain EIA402
