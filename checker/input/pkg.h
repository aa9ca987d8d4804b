/* A package of named parts, whatever holds it: a ZIP (DOCX) or a Flat OPC
 * XML file. The OPC and WordprocessingML readers only see this interface. */
#ifndef FL_PKG_H
#define FL_PKG_H
#include <stddef.h>
#include "core/error.h"

typedef int (*fl_part_sink)(void *ctx, const char *chunk, size_t n); /* non-zero stops */

typedef struct fl_pkg {
    void *impl;
    int (*has)(void *impl, const char *name);
    int (*stream)(void *impl, const char *name, fl_part_sink sink, void *ctx, fl_error *err);
} fl_pkg;

int fl_pkg_has(const fl_pkg *p, const char *name);
int fl_pkg_stream(const fl_pkg *p, const char *name, fl_part_sink sink, void *ctx, fl_error *err);
/* Whole part into a malloc'd NUL-terminated buffer (caller frees). */
int fl_pkg_read(const fl_pkg *p, const char *name, char **out, size_t *len, fl_error *err);
/* The OOXML reading shared by DOCX and Flat OPC (docx.c). */
struct fl_doc;
int fl_ooxml_read(struct fl_doc *doc, const fl_pkg *pkg, fl_error *err);
#endif
