dump --format json fixtures/docx/eia-book-pandoc.docx
