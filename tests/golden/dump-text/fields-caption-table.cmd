dump fixtures/text/fields-caption-table.md
