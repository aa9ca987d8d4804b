/* Pages of a PDF without a text layer, read by OCR (pdf_ocr.c, built when
 * FL_HAVE_OCR: the FL_OCR option). The PDF reader (pdf.c) asks for a page
 * it found no text on and takes the lines back into the machinery that
 * makes paragraphs of a text layer's lines. Included by pdf.c only: it
 * needs MuPDF's headers. */
#ifndef FL_PDF_OCR_H
#define FL_PDF_OCR_H
#include <stdbool.h>
#include <stddef.h>
#include <mupdf/fitz.h>

/* The most pages of one PDF read by OCR; the rest are named in a note. */
#define FL_OCR_MAX_PAGES 300

typedef struct fl_ocr fl_ocr; /* one document's Tesseract, made on its first page */

/* Was --ocr given (fl_pdf_set_ocr, input/formats.h)? */
bool fl_ocr_on(void);
void fl_ocr_free(fl_ocr *o); /* NULL-safe */
/* Render the page at 300 dpi in grey and read it into a structured-text
 * page of MuPDF's, one line per line read, one character per symbol with
 * its box, in page points; confs[i] is the confidence (0-100) of its i-th
 * line (malloc'd, the caller frees it). *o is made on first use. NULL with
 * why set when OCR cannot run (no language data); a page MuPDF cannot
 * render throws (MuPDF's exceptions). */
fz_stext_page *fl_ocr_page(fl_ocr **o, fz_context *ctx, fz_page *page, int **confs, size_t *nconfs, char *why,
                           size_t cap);
#endif
