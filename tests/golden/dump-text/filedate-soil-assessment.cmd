dump --lang en fixtures/text/filedate-soil-assessment.txt
