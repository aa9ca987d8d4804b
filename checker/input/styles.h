/* styles.xml: paragraph/character styles with basedOn inheritance resolved.
 * Ownership: fl_styles owns its strings; free with fl_styles_free (NULL-safe). */
#ifndef FL_STYLES_H
#define FL_STYLES_H
#include <stdbool.h>
#include <stddef.h>
#include "core/error.h"

typedef struct fl_styles fl_styles;

typedef struct fl_style_info {
    const char *name;   /* w:name of the style itself ("heading 1", "标题 1", "Title"), NULL if unknown id */
    int outline;        /* first w:outlineLvl along the basedOn chain: 0..8 -> 1..9; 10 = "9" body text; 0 none */
    int heading_level;  /* from the chain's names: heading N / 标题 N -> N, 0 none */
    bool is_title;      /* Title / Subtitle / 标题 (no number) / styleId a3 */
    bool is_toc;        /* "toc N" / "TOC Heading" / 目录 N */
    int num_id;         /* w:numPr/w:numId along the chain, -1 none (0 = explicitly none) */
    int ilvl;           /* w:numPr/w:ilvl along the chain, -1 none */
    bool vanish;        /* run properties hide text */
    bool symbol_font;   /* ascii/hAnsi font is Symbol or Wingdings* (w:t chars are symbols) */
    const char *symbol_font_name;
} fl_style_info;

/* Parse styles.xml (may be NULL/0: then only defaults). */
fl_styles *fl_styles_parse(const char *xml, size_t len, fl_error *err);
/* Word 2003 XML carries the same w:styles element inline; ns is its namespace
 * (the reader passes the element it found). */
fl_styles *fl_styles_from_node(const void *xml_node_styles);
void fl_styles_free(fl_styles *s);
/* Resolve a paragraph style id (NULL = the default paragraph style). Unknown
 * ids resolve like the default style, with name NULL. Never fails. */
void fl_styles_resolve(const fl_styles *s, const char *style_id, fl_style_info *out);
/* Resolve a character (run) style id for vanish / symbol font. */
void fl_styles_resolve_run(const fl_styles *s, const char *style_id, fl_style_info *out);
/* Run properties (vanish, symbol font) a run gets before its direct rPr: its
 * character style chain wins over its paragraph's style chain, which wins over
 * docDefaults. Either id may be NULL; name is the character style's. */
void fl_styles_resolve_run_in(const fl_styles *s, const char *para_style_id,
                              const char *run_style_id, fl_style_info *out);
/* Heading level 1..9 or 0, in this order: the paragraph's own
 * w:outlineLvl (raw 0..9, -1 when absent; 9 = body text) wins, then the style's
 * outline, then its name; Title and TOC styles are never headings. */
int fl_styles_heading_level(const fl_style_info *si, int para_outline);
#endif
