dump --lang en fixtures/text/sections-form1999.txt
