dump fixtures/reading/form99-glued.txt
