dump --lang en fixtures/text/sections-pp-contents.txt
