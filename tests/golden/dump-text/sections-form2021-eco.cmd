dump --lang en fixtures/text/sections-form2021-eco.txt
