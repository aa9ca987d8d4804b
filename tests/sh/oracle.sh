#!/usr/bin/env bash
# The hand-written Word-style filing and its renamed-main-part, Strict and
# Flat OPC variants must read exactly as the reviewed oracle says, block by
# block (text, part, pictures).
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
oracle="$SRC/fixtures/docx/eia-form-word.expected.txt"
for f in docx/eia-form-word.docx docx/eia-form-word-renamed.docx docx/eia-form-word-strict.docx \
         xml/eia-form-word-flatopc.xml; do
  if "$FL_BIN" dump --format json "$SRC/fixtures/$f" | python3 "$SRC/fixtures/src/check_oracle.py" "$oracle" -; then
    ok "$f"
  else
    fail "$f" "differs from the oracle"
  fi
done
finish
