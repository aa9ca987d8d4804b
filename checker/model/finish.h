/* Finishing a document: what model/ adds to the storage a reader filled.
 * model/load.h reads and finishes in one call; a test or fuzz target that
 * fills a document itself calls fl_doc_finish. */
#ifndef FL_FINISH_H
#define FL_FINISH_H
#include "doc/doc.h"

/* Order blocks (fl_doc_seal), number lines, build sections, fields, doc
 * type, filing date. Block indexes recorded in revisions, comments and
 * notices are remapped. Idempotent. */
void fl_doc_finish(fl_doc *doc);

#endif
