dump --lang en fixtures/reading/form99-blank-date.txt
