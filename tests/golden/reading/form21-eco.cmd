dump fixtures/reading/form21-eco.txt
