dump fixtures/text/sections-form2021-eco.txt
