dump fixtures/forms/form21-pdf-copy.txt
