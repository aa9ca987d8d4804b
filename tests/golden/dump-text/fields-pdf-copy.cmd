dump fixtures/text/fields-pdf-copy.txt
