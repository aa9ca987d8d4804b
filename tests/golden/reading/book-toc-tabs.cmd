dump fixtures/reading/book-toc-tabs.txt
