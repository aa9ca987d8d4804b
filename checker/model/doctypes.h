/* The kinds of filing the tool knows: one table (doctypes.c) that the
 * detector's results, --doc-type, the config file, rulesets' doc-types
 * and the reports' names all read. Adding a kind is one row there (and
 * the detector and rulesets that recognise and judge it). */
#ifndef FL_DOCTYPES_H
#define FL_DOCTYPES_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/i18n.h"

typedef struct fl_doc_type {
    const char *id;   /* "eia-book": rulesets, --doc-type, JSON, SARIF, CSV */
    fl_msg name;      /* 环境影响报告书 / EIA report book: what people read */
} fl_doc_type;

extern const fl_doc_type fl_doc_type_table[];
extern const size_t fl_ndoc_types;

const fl_doc_type *fl_doc_type_find(const char *id); /* NULL if unknown */
bool fl_doc_type_known(const char *id);
/* The ids in table order, separated by sep, appended to b. */
void fl_doc_type_list(fl_buf *b, const char *sep);
#endif
