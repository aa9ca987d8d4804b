/* PENDING (helper M) */
#include "model/doc.h"
void fl_fields_extract(fl_doc *doc) { (void)doc; }
