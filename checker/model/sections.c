/* PENDING (helper M) */
#include "model/doc.h"
void fl_sections_build(fl_doc *doc) { (void)doc; }
