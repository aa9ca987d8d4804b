dump --lang en --format json fixtures/docx/eia-book-pandoc.docx
