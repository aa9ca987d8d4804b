dump --format json fixtures/text/sections-form1999.txt
