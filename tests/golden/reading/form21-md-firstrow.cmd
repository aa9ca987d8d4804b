dump fixtures/reading/form21-md-firstrow.md
