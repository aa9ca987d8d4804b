dump --lang en fixtures/reading/form21-spaced.txt
