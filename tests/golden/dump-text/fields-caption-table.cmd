dump --lang en fixtures/text/fields-caption-table.md
