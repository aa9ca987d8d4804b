dump --lang en fixtures/text/not-headings.txt
