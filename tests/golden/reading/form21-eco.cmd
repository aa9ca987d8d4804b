dump --lang en fixtures/reading/form21-eco.txt
