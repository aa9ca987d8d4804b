#!/bin/sh
# The measurement behind docs/pdf.md: build the two throwaway extractors
# (poppler-glib and MuPDF) and run each once on the PDFs given, printing
# time, user CPU and peak memory, and writing their text beside the PDF as
# <name>.poppler.txt and <name>.mupdf.txt for comparison. Not part of the
# product or of CI. Needs libpoppler-glib-dev and libmupdf-dev (and GNU time).
#
#   bench/pdf/compare.sh fixtures/pdf/eia-form-typed.pdf big.pdf
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${TMPDIR:-/tmp}/fl-pdf-bench
mkdir -p "$OUT"
cc -O2 -o "$OUT/pdftext_poppler" "$HERE/pdftext_poppler.c" $(pkg-config --cflags --libs poppler-glib)
cc -O2 -o "$OUT/pdftext_mupdf" "$HERE/pdftext_mupdf.c" $(pkg-config --static --libs mupdf)
for pdf in "$@"; do
    base=$OUT/$(basename "$pdf" .pdf)
    for lib in poppler mupdf; do
        /usr/bin/time -f "$pdf $lib: %e s, %U s user, %M KB peak" "$OUT/pdftext_$lib" "$pdf" >"$base.$lib.txt"
    done
    # spaces between two Han characters, and full-width punctuation kept
    for lib in poppler mupdf; do
        printf '%s %s: Han-space-Han %s, full-width punctuation %s\n' "$pdf" "$lib" \
            "$(grep -oP '\p{Han} \p{Han}' "$base.$lib.txt" | wc -l)" \
            "$(grep -oP '[，。：；（）、]' "$base.$lib.txt" | wc -l)"
    done
done
echo "texts in $OUT"
