dump --lang en fixtures/pdf/tables-html.pdf
