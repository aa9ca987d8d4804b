/* Internals shared by the field readers: fields.c (the pass, paragraphs),
 * fields_table.c (label/value tables) and fields_text.c (labels, checkbox
 * values). Not for rules: they read doc->fields. */
#ifndef FL_FIELDS_INT_H
#define FL_FIELDS_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "model/doc.h"

#define FL_NELEM(a) (sizeof(a) / sizeof *(a))
#define FL_FX_PARA_LABEL_CP 20 /* longest label of a "标签：值" line, in code points */
#define FL_FX_CELL_LABEL_CP 24 /* longest label cell */

typedef struct fl_fx_label {
    const char *name; /* normalised */
    bool plausible, known;
} fl_fx_label;

/* fields_text.c */
bool fl_fx_is_space(uint32_t cp);
size_t fl_fx_match_any(const char *s, size_t len, const char *const *list, size_t n);
void fl_fx_trim(const char **s, size_t *len);
/* What s reads as when taken for a label of at most max_cp code points. */
fl_fx_label fl_fx_label_of(fl_arena *a, const char *s, size_t len, size_t max_cp);
/* The ticked option(s) of a checkbox row ("☑否 □是" -> "否"); false when s
 * is not one. */
bool fl_fx_checkbox_value(fl_arena *a, const char *s, size_t len, const char **value);

/* fields.c */
void fl_fx_add_named(fl_doc *doc, const char *group, const char *label, const char *value, size_t vlen, int block);
const char *fl_fx_group_of(const char *name);
void fl_fx_paragraph(fl_doc *doc, fl_arena *scratch, const fl_block *b, int bi, const char *group);

/* fields_table.c: reads the rows of the table starting at block i; returns
 * the first block after it. */
size_t fl_fx_table(fl_doc *doc, fl_arena *scratch, size_t i);
#endif
