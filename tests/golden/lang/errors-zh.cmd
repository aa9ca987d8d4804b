check --lang zh -f json fixtures/check/missing.md fixtures/hostile/not-a-zip.docx fixtures/hostile/legacy.doc fixtures/hostile/empty.txt fixtures/text/textin-undecodable.txt
