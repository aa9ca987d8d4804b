check --lang en -f json fixtures/check/missing.md fixtures/hostile/not-a-zip.docx fixtures/hostile/legacy.doc fixtures/hostile/empty.txt fixtures/text/textin-undecodable.txt
