check --fail-on never fixtures/text/filedate-notice-second.txt
