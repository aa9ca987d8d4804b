dump --lang en --format json fixtures/xml/word2003-suppress.xml
