dump --lang en fixtures/reading/form21-attachments.txt
