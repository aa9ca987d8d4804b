dump --format json fixtures/docx/soil-summary-lo.docx
