/* The cover region of a filing: the lines before its first chapter, where it
 * names its kind and its date. model/doctype.c and model/filingdate.c read
 * their evidence there, so both agree on where the cover ends. */
#ifndef FL_COVER_H
#define FL_COVER_H
#include <stdbool.h>
#include <stddef.h>
#include "doc/doc.h"

#define FL_COVER_LINES 40 /* non-empty lines of the cover region at most */
#define FL_COVER_TITLE_BLOCKS 40 /* the cover: a title sits among the first blocks */
#define FL_COVER_TITLE_MAX_CP 80

/* A block of the main text (body or text box: covers are often text boxes). */
bool fl_cover_part(const fl_block *b);
/* A numbered title line: 一、…, 1 …, 第一章, 附件1, or one with an automatic
 * numbering label. */
bool fl_block_numbered(const fl_doc *doc, const fl_block *b);
/* One past the last block of the cover region: the region ends before the
 * table of contents (a TOC line or the 目录 title), a numbered heading, an
 * unnumbered heading after the first three lines (the title lines may be
 * headings themselves: Markdown #, a Heading style), or the first sentence
 * (。 or ；, or a long line), and after FL_COVER_LINES non-empty lines. */
size_t fl_cover_end(const fl_doc *doc);
/* Is block i one of the document's title lines (the name of the project and
 * of the document, on the cover)? The rules' in="title" and the soil
 * project type read the same lines. */
bool fl_cover_title_line(const fl_doc *doc, size_t i);
#endif
