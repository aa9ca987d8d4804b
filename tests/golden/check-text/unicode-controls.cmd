check --fail-on never fixtures/check/unicode-controls.txt
