dump fixtures/text/soil-sign-crlf.md
