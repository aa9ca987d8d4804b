dump --lang en fixtures/reading/form21-md-firstrow.md
