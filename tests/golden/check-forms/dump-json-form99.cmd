dump --format json fixtures/forms/form99-2022.md
