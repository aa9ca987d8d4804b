dump --lang en --format json fixtures/eia/notice/stage-unknown.txt
