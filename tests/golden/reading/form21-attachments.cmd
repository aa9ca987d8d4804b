dump fixtures/reading/form21-attachments.txt
