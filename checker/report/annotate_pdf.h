/* Annotated PDF copies (`check --annotate DIR` on a PDF): the input
 * written again, whole, with one text annotation (a sticky note) per
 * finding, by MuPDF. annotate.c reads the input, guards it and writes the
 * copy; this file only turns the bytes and the findings into the copy's
 * bytes. Built with FL_PDF only (a PDF is not read without it). */
#ifndef FL_ANNOTATE_PDF_H
#define FL_ANNOTATE_PDF_H
#include <stddef.h>
#include "core/buf.h"
#include "core/error.h"
#include "report/annotate_marks.h"

/* The PDF in data with a note per finding of j->res appended to out. A
 * finding's note goes beside the first line of its block (the page and
 * position the PDF reader recorded, fl_block_page), at the top of the page
 * when only the page is known, and at the top left of page 1 when the
 * finding is about the whole document; notes on one place are stacked a
 * little apart so that each stays visible. The note's text is the Word
 * comment's (fl_ax_comment_lines), its author "filinglint", its dates
 * j->when. Returns 0, or -1 with err set. */
int fl_annotate_pdf(fl_ax_job *j, const char *data, size_t len, fl_buf *out, fl_error *err);
#endif
