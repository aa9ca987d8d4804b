/* Internals shared by the field readers: fields.c (the pass, lines of
 * text), fields_table.c (label/value tables), fields_prose.c (facts stated
 * in sentences) and fields_text.c (labels, checkbox values). Not for rules:
 * they read doc->fields. */
#ifndef FL_FX_H
#define FL_FX_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "doc/doc.h"

#define FL_NELEM(a) (sizeof(a) / sizeof *(a))
#define FL_FX_PARA_LABEL_CP 20 /* longest label of a "标签：值" line, in code points */
#define FL_FX_CELL_LABEL_CP 24 /* longest label cell */

typedef struct fl_fx_label {
    const char *name; /* normalised */
    bool plausible, known;
} fl_fx_label;

/* One extraction pass. */
typedef struct fl_fx {
    fl_doc *doc;
    fl_arena scratch; /* label names, joined cells; emptied between tables */
    /* A known label left without a value at the end of a line ("项目名称："):
     * its value may be the next line, which must be block pending_block + 1
     * in the same place (body text, or the same table cell). The label
     * line's fields for it (the label, its group alias) start at
     * doc->fields[pending_first] and are the last ones added. */
    const char *pending;
    int pending_block;
    size_t pending_first;
    /* Facts read from sentences, added after every other field so that the
     * form's own value stays the first occurrence. */
    fl_field *prose;
    size_t nprose, cap_prose;
} fl_fx;

/* fields_text.c */
bool fl_fx_is_space(uint32_t cp);
size_t fl_fx_match_any(const char *s, size_t len, const char *const *list, size_t n);
void fl_fx_trim(const char **s, size_t *len);
size_t fl_fx_numbering_prefix(const char *s, size_t len); /* "1、" "（一）" "2." */
/* What s reads as when taken for a label of at most max_cp code points. */
fl_fx_label fl_fx_label_of(fl_arena *a, const char *s, size_t len, size_t max_cp);
/* Start of the longest known label ending at the colon at `at`, at when none. */
size_t fl_fx_known_before(const char *s, size_t from, size_t at);
/* The ticked option(s) of a checkbox row ("☑否 □是" -> "否"); false when s
 * is not one. */
bool fl_fx_checkbox_value(fl_arena *a, const char *s, size_t len, const char **value);
/* The value of a field read from block bi: the ticked option(s) of a
 * checkbox row, else s itself (in the arena). A block OCR read from a
 * scanned page (fl_block_ocr) is also read with the marks Tesseract
 * mistakes for others: "0否口是" is "☑否 □是". */
const char *fl_fx_field_value(fl_doc *doc, int bi, const char *s, size_t len);
/* Ends like the name of a company, authority or institution (…公司, …局,
 * …中心), 3 to 40 code points. */
bool fl_fx_org_name(const char *s, size_t len);

/* fields_line.c */
void fl_fx_add_named(fl_fx *fx, const char *group, const char *label, const char *value, size_t vlen, int block);
const char *fl_fx_group_of(const char *name);
/* Fields of the text of block bi (a paragraph, or one paragraph of a cell):
 * "标签：值" pairs, tab-separated label and value, a value for the label
 * the line before left pending. */
void fl_fx_line(fl_fx *fx, int bi, const char *group);

/* fields_prose.c: "项目单位为……" in the sentences of block bi. */
void fl_fx_prose(fl_fx *fx, int bi);

/* fields_table.c: reads the table starting at block i; returns the first
 * block after it. group: the unit (建设单位, 编制单位) a line above the table
 * named ("一、建设单位情况"), whose 单位名称 and code its rows give; NULL. */
size_t fl_fx_table(fl_fx *fx, size_t i, const char *group);
#endif
