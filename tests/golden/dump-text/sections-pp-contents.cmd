dump fixtures/text/sections-pp-contents.txt
