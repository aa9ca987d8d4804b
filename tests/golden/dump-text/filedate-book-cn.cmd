dump --lang en fixtures/text/filedate-book-cn.txt
