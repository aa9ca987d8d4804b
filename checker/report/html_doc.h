/* The HTML report's document part (html_doc.c): escaping, a finding's note,
 * and a filing's text with the matched text of each finding marked, whole
 * or cut to the paragraphs with findings. html.c writes the page around it. */
#ifndef FL_HTML_DOC_H
#define FL_HTML_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "doc/doc.h"
#include "rules/finding.h"

/* One file's findings laid over its document. */
typedef struct fl_html_doc {
    const fl_doc *doc;
    const fl_finding **by_block; /* findings sorted by block */
    size_t *first, *count;       /* per block: slice of by_block */
    size_t *ids;                 /* per finding (index in result): its page id */
    const fl_finding *base;      /* result->findings, to turn a pointer into an index */
    bool compact;                /* only the paragraphs with findings, cut to their marks */
} fl_html_doc;

void fl_html_esc_n(fl_buf *b, const char *s, size_t n);
void fl_html_esc(fl_buf *b, const char *s);
const char *fl_html_sev_name(fl_severity s);
bool fl_html_whole_doc(const fl_finding *f, size_t nb);
void fl_html_full(fl_buf *b, const fl_html_doc *c, size_t nf);
void fl_html_compact(fl_buf *b, const fl_html_doc *c, size_t nf);
/* qsort order of findings by block (the by_block array). */
int fl_html_cmp_finding_block(const void *a, const void *b);
#endif
