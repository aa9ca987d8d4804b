explain EIA410
