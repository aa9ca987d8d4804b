/* PENDING (helper M) */
#include "model/doc.h"
const char *fl_doctype_detect(const fl_doc *doc) { (void)doc; return 0; }
