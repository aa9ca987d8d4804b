/* The document model as `filinglint dump` prints it, on standard output:
 * JSON (docs/cli.md's contract) or text in the language of the run. */
#ifndef FL_DOCDUMP_H
#define FL_DOCDUMP_H
#include "doc/doc.h"

/* -1 when writing failed. */
int fl_dump_json(const fl_doc *doc);
void fl_dump_text(const fl_doc *doc);
#endif
