dump --lang en fixtures/text/fields-pdf-copy.txt
