explain DATA001
