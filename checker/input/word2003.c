/* PENDING */
#include "input/input.h"
int fl_word2003_read(fl_doc *doc, const char *data, size_t len, fl_error *err)
{ (void)doc; (void)data; (void)len; return fl_error_set(err, FL_E_UNSUPPORTED, "Word 2003 XML"); }
