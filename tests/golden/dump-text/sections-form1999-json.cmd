dump --lang en --format json fixtures/text/sections-form1999.txt
