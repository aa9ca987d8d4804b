check --fail-on never fixtures/check/control-chars.txt
