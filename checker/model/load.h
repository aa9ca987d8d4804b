/* A filing from disk or memory as the rules see it: read by its reader
 * (input/input.h), then finished (model/finish.h). Ownership: *out belongs
 * to the caller (fl_doc_free). */
#ifndef FL_LOAD_H
#define FL_LOAD_H
#include <stddef.h>
#include "core/error.h"
#include "doc/doc.h"

/* err->file is set to path on failure. */
int fl_doc_load(fl_doc **out, const char *path, fl_error *err);
/* name is used for messages and to tell .md from .txt. */
int fl_doc_load_memory(fl_doc **out, const char *name, const void *data, size_t len, fl_error *err);
#endif
