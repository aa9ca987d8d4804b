dump fixtures/reading/form99-md.md
