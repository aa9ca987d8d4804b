/* Tables of a PDF rebuilt from the ruling lines its pages draw, for the PDF
 * reader (input/pdf.c), which alone includes this header.
 *
 * The reader runs each page through a device of ours beside MuPDF's text
 * device (fl_pdf_tables_device): it keeps the page's horizontal and
 * vertical rules (stroked lines, thin filled rectangles) and where its
 * pictures stand. Once the page is run, fl_pdf_tables_page forms the
 * grids the rules draw; the reader then offers each text line to
 * fl_pdf_tables_line, which takes the lines that stand in a table and
 * puts their characters into the cells. When the reader meets a taken
 * line while it makes paragraphs, fl_pdf_tables_emit writes the table as
 * cells with rows, columns and spans, the way the Word reader writes a
 * table, so grid readers and field readers see one model.
 *
 * Ownership: fl_pdf_tables owns its vectors; the device must be dropped
 * (fz_drop_device) before fl_pdf_tables_free. */
#ifndef FL_PDF_TABLE_H
#define FL_PDF_TABLE_H
#include "core/buf.h"
#include "doc/doc.h"
#include <stdbool.h>
#include <mupdf/fitz.h>

typedef struct fl_pdf_tables fl_pdf_tables;

fl_pdf_tables *fl_pdf_tables_new(void);
void fl_pdf_tables_free(fl_pdf_tables *t); /* NULL-safe */

/* Start page (0-based): forget the rules and pictures of the page before. */
void fl_pdf_tables_begin_page(fl_pdf_tables *t, int page);
/* A device that records rules and pictures; the reader forwards its path
 * and image calls to it. */
fz_device *fl_pdf_tables_device(fz_context *ctx, fl_pdf_tables *t);
/* The tables of the page begun: the grids of the rules recorded, then
 * the tables without rules that its text lines outside those grids set
 * out in aligned columns (pdf_align.c; sp NULL: none). */
void fl_pdf_tables_page(fl_pdf_tables *t, const fz_stext_page *sp);
/* A text line of that page, the reader's line number `index`: when every
 * character of it stands in one table, its characters go to their cells
 * and the table's number (1-based, over the document) is returned; else 0
 * and the line stays the reader's. */
int fl_pdf_tables_line(fl_pdf_tables *t, const fz_stext_line *l, size_t index);

/* Is table k read as a table? Not when a text line stands partly in it
 * and partly outside (the rules are a drawing, or a table whose text the
 * grid would cut): its lines go back to the reader's paragraphs. */
bool fl_pdf_tables_kept(const fl_pdf_tables *t, int k);
/* The page line of the reader's line `index` (pdf.c numbers them). */
typedef unsigned (*fl_pdf_vline_fn)(const void *arg, size_t index);
/* Table k comes right after table `after` in reading order, nothing
 * between but running headers and footers: when k starts the next page
 * with the same columns, it goes on with that table (called in reading
 * order, before any fl_pdf_tables_emit). */
void fl_pdf_tables_follow(fl_pdf_tables *t, int k, int after);
/* Write table k, with the tables going on with it, as cell blocks: one
 * table of the document, its parts' rows one after another, a repeated
 * header row left out and a row broken over a page joined. Nothing for a
 * table that goes on with another. */
void fl_pdf_tables_emit(fl_pdf_tables *t, fl_doc *doc, int k, fl_pdf_vline_fn vline, const void *arg);

/* ---- what the reader and the tables share ---- */

/* A character as the text keeps it: -1 to drop it (control characters), a
 * no-break space a space, a Kangxi radical (and a simplified radical of
 * the supplement: ⺠ ⻅ ⻔) the ideograph it stands for, an invalid code
 * point U+FFFD. */
int fl_pdf_char(int c);
bool fl_pdf_is_dash(uint32_t c);
/* What a line break cannot split at the start of a line, fed the line's
 * characters in order (space: a space, or a gap taken for one): its width
 * is w. A CJK character alone; a Latin word or number, with the CJK
 * punctuation around it that no line may start or end with (〔2024〕127,
 * 7μg/m3、28μg/m3). */
typedef struct fl_pdf_lead {
    int state; /* 0 before the first character, 1 in a Latin word, 2 done */
    float x0, w;
} fl_pdf_lead;
void fl_pdf_lead_step(fl_pdf_lead *ld, uint32_t c, bool space, float x0, float x1);
/* Is the gap between a and b (both no space) a space? MuPDF is asked not
 * to make spaces of gaps (FZ_STEXT_INHIBIT_SPACES): a producer that sets
 * Latin digits in a fallback font of its own widths leaves a gap a fifth
 * of a character wide before the next Han character (2024年 read as 2024
 * 年), which is no space in the filing. Between Latin characters a gap
 * of 0.15 of the type size is a space; next to a CJK character only a
 * gap of a character's width or more (two columns of one line), when cjk
 * (in a table's cell, where the rules part the columns, never: a label
 * spread to both edges of its cell is one word). */
bool fl_pdf_gap(const fz_stext_char *a, const fz_stext_char *b, bool cjk);
/* Append a line's text to a paragraph: CJK without a space, Latin with
 * one, after a hyphen or a slash without one. */
void fl_pdf_join(fl_buf *p, const char *s, size_t n);
/* After line a (its text) ended a sentence, does line b open a paragraph
 * of its own: a typed number (1、 （1） 一、), or when labels, a short
 * label and colon? */
bool fl_pdf_opens_paragraph(const char *a, size_t an, const char *b, size_t bn, bool labels);
/* Word's legal numbering (正规形式编号) of a list level under a chapter
 * numbered 一、: Word prints 4.2.4, LibreOffice prints every level in its
 * own format, 四.二.4 or 二.5, a number no one types. Such a number at
 * the start of a paragraph, Chinese levels then Arabic ones joined by
 * dots and followed by the title, is written in Arabic into out (cap
 * bytes); returns the bytes of s it stands for, 0 when s has none. */
size_t fl_pdf_legal_number(const char *s, size_t n, char *out, size_t cap);
#endif
