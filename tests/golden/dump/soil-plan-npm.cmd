dump --format json fixtures/docx/soil-plan-npm.docx
