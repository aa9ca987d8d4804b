dump --format json fixtures/docx/soil-sign-pandoc.docx
