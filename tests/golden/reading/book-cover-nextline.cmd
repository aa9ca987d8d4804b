dump fixtures/reading/book-cover-nextline.txt
