explain EIA407
