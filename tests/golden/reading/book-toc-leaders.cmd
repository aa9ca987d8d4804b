dump fixtures/reading/book-toc-leaders.txt
