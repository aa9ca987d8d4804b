dump fixtures/reading/form99-blank-date.txt
