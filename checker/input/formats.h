/* The entry points of the per-format readers, one file each; the table in
 * readers.c is their only caller besides tests and fuzz targets. A
 * declarations-only header: the readers include it without depending on
 * the table that calls them. They append to doc and do not call
 * fl_doc_finish. */
#ifndef FL_FORMATS_H
#define FL_FORMATS_H
#include <stdbool.h>
#include <stddef.h>
#include "core/error.h"
#include "doc/doc.h"

int fl_docx_read(fl_doc *doc, const void *data, size_t len, fl_error *err);        /* docx.c */
int fl_flatopc_read(fl_doc *doc, const char *data, size_t len, fl_error *err);     /* flatopc.c */
int fl_word2003_read(fl_doc *doc, const char *data, size_t len, fl_error *err);    /* word2003.c */
int fl_text_read(fl_doc *doc, const char *data, size_t len, bool markdown, fl_error *err); /* text.c */
/* The same, where *owned (NULL, or the malloc'd buffer data points into,
 * with a NUL at data[len]) may be taken by the document: block texts then
 * point into it instead of being copied, and *owned becomes NULL. */
int fl_text_read_owned(fl_doc *doc, const char *data, size_t len, bool markdown, char **owned, fl_error *err);
/* A PDF with a text layer (pdf.c, built when FL_HAVE_PDF: the FL_PDF option). */
int fl_pdf_read(fl_doc *doc, const unsigned char *data, size_t len, fl_error *err);
/* --ocr: pages without a text layer are read by OCR (pdf_ocr.c, built
 * when FL_HAVE_OCR: the FL_OCR option). Set before any file is read. */
void fl_pdf_set_ocr(bool on);
/* Legacy Word (.doc, .wps), RTF and OpenDocument text, converted to DOCX by
 * LibreOffice and read by fl_docx_read (legacy.c); the claim is
 * fl_legacy_sniff (legacy.h). */
int fl_legacy_read(fl_doc *doc, const unsigned char *data, size_t len, fl_error *err);
#endif
