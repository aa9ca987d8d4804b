dump fixtures/text/sections-not-contents.txt
