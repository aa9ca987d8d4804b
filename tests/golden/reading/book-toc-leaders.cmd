dump --lang en fixtures/reading/book-toc-leaders.txt
