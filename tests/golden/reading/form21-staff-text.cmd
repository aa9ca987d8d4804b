dump fixtures/reading/form21-staff-text.txt
