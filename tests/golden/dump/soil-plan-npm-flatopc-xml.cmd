dump --lang en --format json fixtures/xml/soil-plan-npm-flatopc.xml
