dump --format json fixtures/docx/soil-sign.txt
