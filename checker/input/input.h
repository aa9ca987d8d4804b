/* Reading a filing from disk or memory into a finished fl_doc. The format is
 * sniffed from the bytes (ZIP, OLE, XML root, text), never from the name alone.
 * Ownership: *out belongs to the caller (fl_doc_free). */
#ifndef FL_INPUT_H
#define FL_INPUT_H
#include <stdbool.h>
#include <stddef.h>
#include "core/error.h"
#include "model/doc.h"

/* Limits on what a file may make us read (docs/architecture.md lists them
 * with the others); the message names the limit. */
#define FL_MAX_INPUT_BYTES (200u * 1024 * 1024)
#define FL_MAX_ZIP_ENTRIES 10000
#define FL_MAX_PART_BYTES (256u * 1024 * 1024)
#define FL_MAX_TOTAL_INFLATED (1024u * 1024 * 1024)
#define FL_MAX_ZIP_RATIO 200
#define FL_ZIP_RATIO_FLOOR (1u * 1024 * 1024)
/* All parts of one package together may inflate to FL_ZIP_BUDGET_RATIO times
 * the package size, at least FL_ZIP_BUDGET_FLOOR (and never past
 * FL_MAX_TOTAL_INFLATED). */
#define FL_ZIP_BUDGET_RATIO 100
#define FL_ZIP_BUDGET_FLOOR (16u * 1024 * 1024)
#define FL_MAX_XML_DEPTH 256
/* A part read whole into a DOM (styles, numbering, relationships, content
 * types, properties) costs about 13 times its size in libxml2's tree;
 * the body is streamed and has only FL_MAX_PART_BYTES. Real styles.xml
 * and numbering.xml are well under 1 MiB. */
#define FL_MAX_WHOLE_PART_BYTES (16u * 1024 * 1024)

/* err->file is set to path on failure. */
int fl_input_load(fl_doc **out, const char *path, fl_error *err);
/* name is used for messages and to tell .md from .txt. */
int fl_input_load_memory(fl_doc **out, const char *name, const void *data, size_t len,
                         fl_error *err);
/* What the bytes say a file is when no reader takes it whatever its name
 * ("a PDF file", "a PNG image", "a ZIP archive (no Word document in it)"),
 * else NULL: DOCX, OLE, XML, RTF and text go on to their readers. */
const char *fl_input_sniff(const void *data, size_t len);

#endif
