/* PENDING (helper M) */
#include "input/input.h"
int fl_text_read(fl_doc *doc, const char *data, size_t len, bool markdown, fl_error *err)
{ (void)doc; (void)data; (void)len; (void)markdown; return fl_error_set(err, FL_E_UNSUPPORTED, "text"); }
