dump --lang en fixtures/reading/pp-pdf.txt
