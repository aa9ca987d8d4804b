/* numbering.xml: abstract numbering definitions, num instances with level
 * overrides, and the counters that render automatic labels ("一、", "第1章",
 * "1.1") in document order. Ownership: fl_numbering owns everything; free with
 * fl_numbering_free (NULL-safe). Counters are state: one fl_numbering per
 * document read. */
#ifndef FL_NUMBERING_H
#define FL_NUMBERING_H
#include <stddef.h>
#include "core/error.h"

typedef struct fl_numbering fl_numbering;

fl_numbering *fl_numbering_parse(const char *xml, size_t len, fl_error *err);
fl_numbering *fl_numbering_from_node(const void *xml_node_lists); /* Word 2003 w:lists */
void fl_numbering_free(fl_numbering *n);

/* The level whose w:pStyle names this paragraph style inside num_id's
 * abstract numbering, or -1 (LibreOffice links heading styles this way). */
int fl_numbering_level_for_style(const fl_numbering *n, int num_id, const char *style_id);

/* Advance the counters for a paragraph numbered (num_id, ilvl) and render its
 * label into label (NUL-terminated) and its suffix (tab -> "\t", space -> " ",
 * nothing -> "") into suffix. Returns 1 when the paragraph gets a label, 0
 * when it is not numbered (num_id 0, unknown id, numFmt none) — counters are
 * still advanced where Word would. Bullets give their lvlText character. */
int fl_numbering_next(fl_numbering *n, int num_id, int ilvl, char *label, size_t label_cap,
                      char *suffix, size_t suffix_cap);

/* Render one value in a w:numFmt ("decimal", "chineseCounting",
 * "chineseCountingThousand", "taiwaneseCountingThousand",
 * "ideographTraditional", "decimalEnclosedCircleChinese", "upperLetter",
 * "lowerRoman", ...). Unknown formats render decimal. Returns bytes written. */
size_t fl_numfmt_render(char *out, size_t cap, const char *numfmt, int value);
#endif
