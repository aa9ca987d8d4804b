/* What the PDF reader shares with the other users of MuPDF (the annotated
 * copies of report/annotate_pdf.c): opening a PDF held in memory the one
 * way, so that a file the reader refuses is refused the same for a copy. */
#ifndef FL_INPUT_PDF_H
#define FL_INPUT_PDF_H
#include "core/error.h"
#include <stddef.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

/* Opens the PDF of data (which must outlive the document) with an empty
 * password and counts its pages. A password needed to open it
 * (FL_E_PDF_ENCRYPTED) and no page (FL_E_PDF_DAMAGED: "it has no pages")
 * return NULL with err set; what MuPDF cannot open or count throws, as
 * MuPDF's calls do, inside the caller's fz_try. Else the document (the
 * caller drops it with fz_drop_document) and *npages > 0. */
pdf_document *fl_pdf_open(fz_context *ctx, const unsigned char *data, size_t len, int *npages, fl_error *err);
#endif
