dump fixtures/reading/soil-plan-toc-error.txt
