/* Streaming WordprocessingML reader: a libxml2 SAX2 push parser with an
 * element stack turns document, header, footer, note and comment parts into
 * blocks of the model (fixtures/README.md lists the cases the fixtures prove).
 * The same reader serves DOCX (fed from zip_fread), Flat OPC and Word 2003
 * XML (fed from memory). Ownership: fl_wml borrows doc, styles and numbering;
 * all three must outlive it. */
#ifndef FL_WML_H
#define FL_WML_H
#include <stddef.h>
#include "core/error.h"
#include "input/numbering.h"
#include "input/styles.h"
#include "doc/doc.h"

typedef struct fl_wml fl_wml;

fl_wml *fl_wml_new(fl_doc *doc, const fl_styles *styles, fl_numbering *numbering);
void fl_wml_free(fl_wml *w); /* NULL-safe */
/* The parts are Word 2003 XML (footnotes inline in the body). */
void fl_wml_word2003(fl_wml *w);
/* Parse one part, streamed: begin, feed chunks, end. err is kept until end. */
int fl_wml_begin(fl_wml *w, fl_part part, const char *part_name, fl_error *err);
int fl_wml_feed(fl_wml *w, const char *chunk, size_t n);
int fl_wml_end(fl_wml *w);
/* Stop a part whose bytes could not be read; the caller's error stands. */
void fl_wml_abort(fl_wml *w);
/* All of one part from memory. */
int fl_wml_parse(fl_wml *w, fl_part part, const char *part_name, const char *xml, size_t len,
                 fl_error *err);
/* After every part: attach comment ranges found in the body to the comments. */
void fl_wml_link_comments(fl_wml *w);
#endif
