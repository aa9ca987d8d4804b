dump --lang en --format json fixtures/text/fields-caption-table.md
