dump fixtures/reading/form21-spaced.txt
