test-rules
