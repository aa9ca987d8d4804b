data -f json
