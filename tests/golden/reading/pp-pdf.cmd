dump fixtures/reading/pp-pdf.txt
