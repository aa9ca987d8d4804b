dump fixtures/text/no-such-file.txt fixtures/text/not-headings.txt
