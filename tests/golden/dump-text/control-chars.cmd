dump --lang en fixtures/check/control-chars.txt
