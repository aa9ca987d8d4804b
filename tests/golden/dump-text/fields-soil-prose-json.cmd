dump -f json fixtures/text/fields-soil-prose.md
