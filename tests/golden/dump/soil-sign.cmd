dump --lang en --format json fixtures/docx/soil-sign.txt
