check fixtures/text/filedate-bureau-list.md
