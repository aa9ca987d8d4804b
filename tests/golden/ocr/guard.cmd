check --lang zh --ocr --select EIA504,EIA301 fixtures/ocr/eia-staff-blot.pdf
