dump --lang en fixtures/eia/notice/draft-ocr.txt
