check --fail-on never -f jsonl fixtures/check/unicode-controls.txt
