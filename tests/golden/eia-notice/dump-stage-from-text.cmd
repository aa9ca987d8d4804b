dump --lang en fixtures/eia/notice/first-untitled.md
