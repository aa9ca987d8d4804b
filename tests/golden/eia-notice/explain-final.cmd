explain EIA412
