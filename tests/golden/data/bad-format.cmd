data -f xml
