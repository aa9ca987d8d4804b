dump fixtures/text/sections-book-glued.txt
