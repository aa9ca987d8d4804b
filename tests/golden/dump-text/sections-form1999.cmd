dump fixtures/text/sections-form1999.txt
