#!/usr/bin/env bash
# The hand-written Word-style filing and its renamed-main-part, Strict and
# Flat OPC variants must read exactly as the reviewed oracle says, block by
# block (text, part, pictures).
set -u
fail=0
oracle="$SRC/fixtures/docx/eia-form-word.expected.txt"
for f in docx/eia-form-word.docx docx/eia-form-word-renamed.docx docx/eia-form-word-strict.docx \
         xml/eia-form-word-flatopc.xml; do
  if "$FL_BIN" dump --format json "$SRC/fixtures/$f" | python3 "$SRC/fixtures/src/check_oracle.py" "$oracle" -; then
    echo "ok $f"
  else
    echo "FAIL: $f differs from the oracle"; fail=1
  fi
done
exit $fail
