/* A streaming JSON writer: values go straight into an output buffer that is
 * flushed to a FILE as it fills, with no tree in between. `dump --format
 * json` of a 1,000-page filing writes tens of thousands of small objects;
 * building them as a jansson tree first cost a third of the command's time
 * (docs/performance.md).
 *
 * The layout is byte for byte what jansson's json_dumpf gives with
 * JSON_INDENT(n) | JSON_PRESERVE_ORDER (n = 0: one line, ", " and ": "
 * separators), so outputs did not change when dump moved off the tree:
 * "\n" plus n spaces per level before each member, "{}" / "[]" when empty,
 * the escapes \" \\ \b \f \n \r \t and \u00XX (upper-case hex) for the other
 * control characters, UTF-8 written as is. Invalid UTF-8 is replaced
 * (U+FFFD) instead of failing the value, as the readers do.
 *
 * Ownership: the caller owns the FILE; fl_jw_finish flushes and frees the
 * buffer. Keys and values are copied out at once. */
#ifndef FL_JSONW_H
#define FL_JSONW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/buf.h"

#define FL_JW_MAX_DEPTH 32

typedef struct fl_jw {
    FILE *out;
    fl_buf buf;
    int indent, depth;
    bool after_key;
    bool empty[FL_JW_MAX_DEPTH + 1]; /* per open container: nothing in it yet */
    char close[FL_JW_MAX_DEPTH + 1]; /* per open container: '}' or ']' */
} fl_jw;

void fl_jw_init(fl_jw *w, FILE *out, int indent);
/* Flush what is buffered; -1 when writing failed. */
int fl_jw_finish(fl_jw *w);

void fl_jw_object(fl_jw *w);
void fl_jw_array(fl_jw *w);
void fl_jw_end(fl_jw *w); /* closes the innermost object or array */
void fl_jw_key(fl_jw *w, const char *key);
void fl_jw_string(fl_jw *w, const char *s, size_t len);
void fl_jw_str(fl_jw *w, const char *s); /* NULL gives null */
void fl_jw_int(fl_jw *w, long long v);
/* A number with up to 15 significant digits (what a written value has);
 * null when not finite. */
void fl_jw_num(fl_jw *w, double v);
void fl_jw_null(fl_jw *w);
void fl_jw_bool(fl_jw *w, bool v);
#endif
