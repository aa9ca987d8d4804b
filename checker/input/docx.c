/* PENDING (lead): DOCX package reader. */
#include "input/input.h"
int fl_docx_read(fl_doc *doc, const void *data, size_t len, fl_error *err)
{ (void)doc; (void)data; (void)len; return fl_error_set(err, FL_E_UNSUPPORTED, "DOCX"); }
