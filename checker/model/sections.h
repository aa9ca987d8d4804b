/* Section detection details beyond fl_sections_build (doc/doc.h), for
 * `dump`: where a heading came from, and why a numbered paragraph did not
 * become one. */
#ifndef FL_SECTIONS_H
#define FL_SECTIONS_H
#include "doc/doc.h"

/* NULL when b is a heading or nothing suggests it could be one; otherwise a
 * short English reason ("sentence punctuation", "table of contents"...).
 * The string is static. */
const char *fl_sections_explain(const fl_doc *doc, const fl_block *b);
/* For a heading block, where it came from: "outline level", "heading style
 * name", "typed 一、", "numbering label 1.1", "known title"...; NULL for
 * other blocks. The string is static. */
const char *fl_sections_source(const fl_doc *doc, const fl_block *b);
#endif
