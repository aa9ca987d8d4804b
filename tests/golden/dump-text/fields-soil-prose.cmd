dump --lang en fixtures/text/fields-soil-prose.md
