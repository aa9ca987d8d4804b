/* UTF-16 XML parts transcoded to UTF-8 before libxml2 sees them (OPC M1.17
 * allows UTF-8 and UTF-16). libxml2's own decoder stops at an unpaired
 * surrogate and the parser then reports a misleading error ("Extra content
 * at the end of the document"); here, as with invalid UTF-8, a bad code unit
 * costs one U+FFFD, not the file, and is counted so the reader can say so. */
#ifndef FL_UTF16_H
#define FL_UTF16_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"

typedef struct fl_utf16 {
    bool be;            /* big-endian: BOM FE FF, or "\0<" */
    bool started;       /* past the first code unit (a BOM there is dropped) */
    bool has_odd;       /* one byte of a code unit split across chunks */
    unsigned char odd;
    unsigned high;      /* a high surrogate waiting for its low half, or 0 */
    size_t bad;         /* code units replaced by U+FFFD, or dropped at the end */
} fl_utf16;

/* Does this part start like UTF-16 XML (a BOM, or "<" as a 16-bit unit)?
 * Sets *be for big-endian. */
bool fl_utf16_sniff(const char *s, size_t n, bool *be);
void fl_utf16_init(fl_utf16 *u, bool be);
/* Append the UTF-8 of the next n bytes to out. An incomplete unit or pair
 * at the end of the bytes is held back for the next call; with final, what
 * is still held back (an odd byte, a lone high surrogate) is dropped and
 * counted: it can only be after the root element, where U+FFFD would make a
 * good part malformed. */
void fl_utf16_feed(fl_utf16 *u, fl_buf *out, const char *in, size_t n, bool final);
#endif
