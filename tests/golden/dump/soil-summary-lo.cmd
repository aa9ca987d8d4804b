dump --lang en --format json fixtures/docx/soil-summary-lo.docx
