dump fixtures/check/control-chars.txt
