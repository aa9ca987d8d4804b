dump fixtures/reading/pp-outline.txt
