/* Findings as Word comments (annotate.c's second half, annotate_marks.c):
 * where each finding's comment goes in the main part (which paragraph, and
 * around which text), the markers spliced in there, and the comment
 * elements with their text (severity, rule, message, basis, and where the
 * finding really is when the comment sits elsewhere).
 *
 * Ownership: an fl_ax_job borrows the document and the result; fl_ax_anchors_build
 * fills j->a and fl_ax_place j->space_done, both malloc'd and freed by the
 * caller. */
#ifndef FL_ANNOTATE_MARKS_H
#define FL_ANNOTATE_MARKS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"
#include "core/error.h"
#include "doc/doc.h"
#include "report/annotate_xml.h"
#include "rules/finding.h"

#define AX_W_URI "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define FL_AX_AUTHOR "filinglint" /* the author of every comment and note written */

typedef struct fl_ax_anchor {   /* one finding, as a comment */
    const fl_finding *f;
    int para;        /* ordinal of the main part's w:p; -1: the first body paragraph */
    bool precise;    /* look for the matched text inside it */
    long expect_cp;  /* where it should start among the paragraph's w:t characters */
    char note[400];  /* where the finding really is, when the comment sits elsewhere */
    long id;
} fl_ax_anchor;

typedef struct fl_ax_job {       /* the findings of one file on their way into it */
    const fl_doc *doc;
    const fl_result *res;
    const char *main;  /* main part name; NULL for Word 2003 */
    fl_ax_anchor *a;
    size_t n;
    char date[32];
    int64_t when;      /* the same instant, seconds since the epoch */
    bool *space_done;  /* per w:t segment: xml:space="preserve" added */
} fl_ax_job;

typedef struct fl_ax_markup {    /* how WordprocessingML elements are spelled at a place */
    char el[48];        /* element prefix with its colon, or "" for the default namespace */
    char ap[48];        /* attribute prefix with its colon */
    char uri[96];
    bool decl;          /* declare xmlns:w on each element written */
} fl_ax_markup;

/* Part names compared as OPC does: case-insensitively, leading '/' ignored. */
bool fl_ax_same_name(const char *a, const char *b);
/* Spelling taken from an element's qualified name: its prefix, or "w"
 * declared locally (as uri) when it uses the default namespace. */
void fl_ax_markup_from_qname(fl_ax_markup *m, const char *qname, const char *uri);
/* The comments' w:date (and when): now, or SOURCE_DATE_EPOCH when set. */
void fl_ax_job_date(fl_ax_job *j);
/* A finding's comment text, one string per paragraph, in the language of
 * the run: "[错误] EIA101: message" ("[error]" in English), "依据：basis",
 * and note (where the finding is when the comment sits elsewhere; NULL or
 * "" for none). Control characters become spaces (XML 1.0 allows none).
 * Returns how many of lines[] it filled; the caller frees them. */
size_t fl_ax_comment_lines(const fl_finding *f, const char *note, fl_buf lines[3]);
/* One anchor per finding, in finding order; needs j->main (NULL: any part). */
void fl_ax_anchors_build(fl_ax_job *j);
/* Paragraph ordinals whose w:t text the scan must collect (malloc'd bits). */
unsigned char *fl_ax_want_bits(const fl_ax_job *j, size_t *nbits);
/* Comment ids base, base+1, ... in anchor order. */
void fl_ax_assign_ids(fl_ax_job *j, long base);
/* The markers of every anchor as edits of the buffer s scanned (Word 2003
 * spelling when w2003). */
int fl_ax_place(fl_ax_job *j, const fl_ax_scan *s, fl_ax_edits *e, bool w2003, fl_error *err);
/* <w:comment> elements of every anchor, spelled as m says. */
void fl_ax_comment_elements(fl_buf *out, const fl_ax_job *j, const fl_ax_markup *m);
/* A whole <w:comments> root holding them, in namespace uri. */
void fl_ax_new_comments_part(fl_buf *out, const fl_ax_job *j, const char *uri);
#endif
