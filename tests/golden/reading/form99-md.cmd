dump --lang en fixtures/reading/form99-md.md
