dump --lang en fixtures/text/sections-not-contents.txt
