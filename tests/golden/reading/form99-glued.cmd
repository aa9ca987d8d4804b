dump --lang en fixtures/reading/form99-glued.txt
