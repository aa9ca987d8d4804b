dump --lang en fixtures/reading/pp-outline.txt
