dump --lang en fixtures/text/fields-ecology-form.md
