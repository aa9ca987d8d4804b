dump --lang en fixtures/text/sections-book-glued.txt
