dump --lang en fixtures/reading/book-toc-tabs.txt
