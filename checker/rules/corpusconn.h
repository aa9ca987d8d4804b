/* The corpus database a linter reads for the kinds that look things up in
 * it (EIA303's passages, EIA509's signature pictures): one read-only
 * connection per linter, shared by those kinds, opened at the first file
 * that needs it and kept for the files after (fl_scan_kind_state), so each
 * worker thread has its own. */
#ifndef FL_CORPUSCONN_H
#define FL_CORPUSCONN_H
#include "rules/kind.h"
#include "corpus/index.h"

/* The connection to the database the lint options name; NULL when they
 * name none, or when it cannot be opened (a tool error for the file,
 * already reported through fl_scan_error). */
fl_corpus *fl_scan_corpus(fl_scan *s);
#endif
