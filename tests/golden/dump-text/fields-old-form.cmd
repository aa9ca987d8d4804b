dump --lang en fixtures/text/fields-old-form.md
