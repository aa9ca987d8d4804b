dump --lang en --format json fixtures/docx/soil-plan-npm.docx
