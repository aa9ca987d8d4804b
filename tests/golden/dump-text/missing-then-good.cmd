dump --lang en fixtures/text/no-such-file.txt fixtures/text/not-headings.txt
