dump fixtures/text/not-headings.txt
