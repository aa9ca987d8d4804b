/* PENDING (helper C) */
#include "input/styles.h"
#include <string.h>
fl_styles *fl_styles_parse(const char *xml, size_t len, fl_error *err) { (void)xml; (void)len; (void)err; return 0; }
fl_styles *fl_styles_from_node(const void *n) { (void)n; return 0; }
void fl_styles_free(fl_styles *s) { (void)s; }
void fl_styles_resolve(const fl_styles *s, const char *id, fl_style_info *out) { (void)s; (void)id; memset(out, 0, sizeof *out); out->num_id = out->ilvl = -1; }
void fl_styles_resolve_run(const fl_styles *s, const char *id, fl_style_info *out) { fl_styles_resolve(s, id, out); }
