dump fixtures/text/fields-soil-prose.md
