dump --lang en fixtures/reading/book-cover-nextline.txt
