/* PENDING (helper C) */
#include "input/numbering.h"
#include <stdio.h>
fl_numbering *fl_numbering_parse(const char *xml, size_t len, fl_error *err) { (void)xml; (void)len; (void)err; return 0; }
fl_numbering *fl_numbering_from_node(const void *n) { (void)n; return 0; }
void fl_numbering_free(fl_numbering *n) { (void)n; }
int fl_numbering_level_for_style(const fl_numbering *n, int id, const char *s) { (void)n; (void)id; (void)s; return -1; }
int fl_numbering_next(fl_numbering *n, int id, int l, char *label, size_t c, char *suf, size_t sc) { (void)n; (void)id; (void)l; (void)c; (void)sc; label[0] = 0; suf[0] = 0; return 0; }
size_t fl_numfmt_render(char *out, size_t cap, const char *f, int v) { (void)f; return (size_t)snprintf(out, cap, "%d", v); }
