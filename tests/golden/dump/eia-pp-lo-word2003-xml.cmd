dump --lang en --format json fixtures/xml/eia-pp-lo-word2003.xml
