dump fixtures/text/filedate-soil-assessment.txt
