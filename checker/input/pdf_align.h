/* Tables without ruling lines, from where their text stands (pdf_align.c),
 * for the PDF tables (input/pdf_table.c), which alone include this header.
 *
 * A borderless Word table printed to PDF, or a three-line table (三线表:
 * rules across only, above the header, under it and under the last row),
 * has no grid to read; its columns show only as text that starts at the
 * same places row after row with wide gaps between. fl_align_tables finds
 * such tables among a page's text runs (the pieces of its lines between
 * wide gaps) and gives each as row and column boundaries, which the
 * caller makes into a table as it makes one of a ruled grid. Free of
 * MuPDF: the unit tests feed it runs of their own. */
#ifndef FL_PDF_ALIGN_H
#define FL_PDF_ALIGN_H
#include <stdbool.h>
#include <stddef.h>

/* A piece of a text line between wide gaps (page space, y down). */
typedef struct fl_align_run {
    float x0, x1;   /* left and right of its characters */
    float top, bot; /* top and bottom of its characters */
    float base;     /* its line's baseline */
    float size;     /* type size */
    float lead;     /* width of what a line break cannot split at its start */
    const char *text; /* UTF-8, not owned */
    size_t len;
} fl_align_run;

/* What else the page draws: horizontal rules outside ruled grids (y, from
 * x0 to x1; a three-line table's), and boxes no table may cross or hold
 * (ruled grids, vertical rules: a flow chart's boxes). */
typedef struct fl_align_page {
    const float (*hrules)[3]; /* y, x0, x1 */
    size_t nh;
    const float (*boxes)[4];  /* x0, y0, x1, y1 */
    size_t nboxes;
} fl_align_page;

/* A table found: nr rows and nc columns, row boundaries ys[0..nr], column
 * boundaries xs[0..nc] (every character of the table's runs has its centre
 * strictly inside), and xr[0..nc-1], how far right a column's text reaches
 * (a line reaching it wrapped: the next goes on with it). The arrays are
 * the callee's to keep (malloc'd). */
typedef void (*fl_align_fn)(void *arg, int nr, int nc, float *ys, float *xs, float *xr);

/* Find the tables among the runs (any order; they are sorted in place) and
 * hand each to fn. Returns the number found. Work: a sort of the runs,
 * then linear in them, bounded per page. */
size_t fl_align_tables(fl_align_run *runs, size_t n, const fl_align_page *pg, fl_align_fn fn, void *arg);

/* The gap between two characters of one line that parts two runs: this
 * many times the type size. */
#define FL_ALIGN_GAP 1.2f
#endif
