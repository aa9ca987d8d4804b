dump fixtures/text/fields-ecology-form.md
