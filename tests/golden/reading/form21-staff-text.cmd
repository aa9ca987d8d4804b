dump --lang en fixtures/reading/form21-staff-text.txt
