explain EIA408
