/* The table of readers: one row per input format. Dispatch (input.c), the
 * folder walk (cmd/walk.c), dump, the annotator, suppressions and the help
 * texts all read it, so adding a format is one reader file plus one row in
 * readers.c.
 *
 * A reader appends blocks to a document and does not call fl_doc_finish.
 * The rows are tried in two rounds: package rows (claims on the bytes) first,
 * then, when no package row took the file and it is not a package nobody
 * reads, the text rows: those with a claim (a name) before the one without,
 * which takes the rest. */
#ifndef FL_READERS_H
#define FL_READERS_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/error.h"
#include "doc/doc.h"

typedef struct fl_reader {
    const char *name;               /* dump's and JSON's format name: "docx", "flat-opc", ... */
    /* Lower-case file name endings (with the dot) that a folder walk takes
     * for this format; NULL-terminated. */
    const char *const *extensions;
    /* XML formats: the root element's local name (any prefix) that selects
     * the reader, and the namespace a walked .xml file must declare in its
     * first bytes to be taken as this format (a folder holds other XML:
     * rulesets, exports, a package.xml). NULL for other formats. */
    const char *xml_root, *xml_ns;
    /* Does this reader take these bytes (name: to tell .md from .txt)?
     * NULL on one text row: it takes what no other row claims. An XML row
     * needs none: xml_root decides. */
    bool (*claims)(const unsigned char *d, size_t len, const char *name);
    /* owned: NULL, or the malloc'd buffer holding d (a NUL after it) that
     * the reader may keep for block texts (it sets *owned to NULL then). */
    int (*read)(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err);
    /* A text row: the document's lines are the file's lines (line numbers,
     * suppression comments written as lines), and it is read after every
     * package row declined. */
    bool text;
    /* A Word document: an annotated copy can be written, and a signature
     * is a picture rather than typed text. */
    bool word;
    /* Headings written with '#' marks (dump shows them). */
    bool markdown;
    /* NULL, or whether the reader can work on this machine (the legacy
     * reader needs LibreOffice): a folder walk takes its endings, and the
     * lists of endings name them, only when it can. A file named on the
     * command line goes to it regardless, and it says what is missing. */
    bool (*usable)(void);
} fl_reader;

extern const fl_reader *const fl_readers[];
extern const size_t fl_nreaders;

/* The row with that name, NULL if none. */
const fl_reader *fl_reader_find(const char *name);
/* The format of a document (its reader); a document that no reader filled
 * (built by hand in a test) reads as the first row. */
const fl_reader *fl_reader_of(const fl_doc *doc);
/* Which reader takes these bytes named name, or NULL: the caller then says
 * why (fl_input_sniff and the refusals in input.c). */
const fl_reader *fl_reader_pick(const unsigned char *d, size_t len, const char *name, bool text_round);
/* For a folder walk: does a file of this name belong to some reader? When
 * the ending is one an XML row shares, *need_head is set: the first bytes
 * decide (fl_reader_walk_head). */
bool fl_reader_walk_name(const char *name, bool *need_head);
bool fl_reader_walk_head(const char *head); /* NUL-terminated */
/* " .docx .docm .xml .txt .md" as a list for help texts: each ending once,
 * in table order, separated by sep. */
void fl_reader_extensions(fl_buf *b, const char *sep);
/* Does d start as XML: "<?xml" after a UTF-8 BOM and white space? */
bool fl_xml_declared(const char *d, size_t len);
/* The qualified name of the root element of XML in d ("pkg:package",
 * "office:document"), into name; NULL when d is not XML or has no root. */
const char *fl_xml_root_name(const char *d, size_t len, char *name, size_t cap);
#endif
