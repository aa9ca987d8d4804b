dump fixtures/reading/book-toc-glued.txt
