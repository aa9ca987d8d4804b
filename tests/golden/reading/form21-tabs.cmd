dump --lang en fixtures/reading/form21-tabs.txt
