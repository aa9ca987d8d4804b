/* Reading a filing from disk or memory into an fl_doc, not yet finished
 * (model/load.h reads and finishes). The format is sniffed from the bytes
 * (ZIP, OLE, XML root, text), never from the name alone: the table of
 * readers is input/readers.h. Ownership: *out belongs to the caller
 * (fl_doc_free). */
#ifndef FL_INPUT_H
#define FL_INPUT_H
#include <stdbool.h>
#include <stddef.h>
#include "core/error.h"
#include "core/limits.h"
#include "doc/doc.h"

/* err->file is set to path on failure. */
int fl_input_read(fl_doc **out, const char *path, fl_error *err);
/* name is used for messages and to tell .md from .txt. */
int fl_input_read_memory(fl_doc **out, const char *name, const void *data, size_t len,
                         fl_error *err);
/* What the bytes say a file is when no reader takes it whatever its name
 * ("a PDF file", "a PNG image", "a ZIP archive (no Word document in it)"),
 * else NULL: DOCX, OLE, XML, RTF and text go on to their readers. */
const char *fl_input_sniff(const void *data, size_t len);

#endif
