dump --lang en fixtures/text/soil-sign-crlf.md
