explain EIA409
