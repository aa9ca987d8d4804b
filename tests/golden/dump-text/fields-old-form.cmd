dump fixtures/text/fields-old-form.md
