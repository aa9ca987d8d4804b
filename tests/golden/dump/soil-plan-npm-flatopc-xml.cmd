dump --format json fixtures/xml/soil-plan-npm-flatopc.xml
