check -f csv --as-of 2019-04-01 fixtures/batch/suppress-flatopc.xml
