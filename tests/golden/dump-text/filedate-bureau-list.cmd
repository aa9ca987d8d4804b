dump --lang en fixtures/text/filedate-bureau-list.md
