check -f jsonl --select DOC fixtures/check/residue.md fixtures/check/missing.md fixtures/check/untyped.md
