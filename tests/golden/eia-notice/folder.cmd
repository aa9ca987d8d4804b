check fixtures/eia/notice
