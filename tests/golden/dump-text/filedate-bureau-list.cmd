dump fixtures/text/filedate-bureau-list.md
