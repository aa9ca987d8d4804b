dump --lang en --format json fixtures/text/soil-sign-crlf.md fixtures/text/no-such-file.txt
