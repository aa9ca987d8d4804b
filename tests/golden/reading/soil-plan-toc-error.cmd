dump --lang en fixtures/reading/soil-plan-toc-error.txt
