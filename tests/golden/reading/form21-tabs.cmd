dump fixtures/reading/form21-tabs.txt
