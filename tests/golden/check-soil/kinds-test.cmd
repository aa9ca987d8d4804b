test-rules fixtures/soil/kinds-test.xml
