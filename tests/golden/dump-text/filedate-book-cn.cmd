dump fixtures/text/filedate-book-cn.txt
