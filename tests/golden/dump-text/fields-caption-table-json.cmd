dump --format json fixtures/text/fields-caption-table.md
