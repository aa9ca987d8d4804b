dump --lang en -f json fixtures/text/fields-soil-prose.md
