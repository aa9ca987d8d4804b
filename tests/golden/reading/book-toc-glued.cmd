dump --lang en fixtures/reading/book-toc-glued.txt
