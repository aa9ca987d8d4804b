/* What the loaders of rulesets/data/ tables share (table.c): read the file,
 * parse it safely, validate it against its schema (rulesets/schema/data.rng,
 * or the table's own, as instruments.rng), and say which file and line a
 * problem is on. Private to data/. */
#ifndef FL_DATA_TABLE_H
#define FL_DATA_TABLE_H
#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include "core/arena.h"
#include "core/date.h"
#include "core/error.h"

int fl_tab_node_line(const xmlNode *n);
xmlDoc *fl_tab_open_table(const char *path, const char *root, fl_error *err); /* data.rng */
xmlDoc *fl_tab_open_schema(const char *path, const char *root, const char *schema, fl_error *err);
bool fl_tab_is_elem(const xmlNode *n, const char *name);
const char *fl_tab_attr(const xmlNode *n, const char *name);
const char *fl_tab_attr_dup(fl_arena *a, const xmlNode *n, const char *name);
int fl_tab_date_attr(fl_date *out, const xmlNode *n, const char *name, const char *path, fl_error *err);
size_t fl_tab_count_elems(const xmlNode *parent, const char *name);
#endif
