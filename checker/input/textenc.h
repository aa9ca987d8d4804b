/* The encoding of a plain-text or Markdown filing, and its text as UTF-8.
 * Chinese Windows tools write text in the ANSI code page (GBK, read here as
 * GB18030, its superset) or as "Unicode" (UTF-16LE with a byte order mark);
 * everything newer writes UTF-8. Line breaks are the same bytes in every
 * result, so line numbers stay the physical lines of the file. */
#ifndef FL_TEXTENC_H
#define FL_TEXTENC_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/error.h"

typedef struct fl_text_src {
    const char *data;     /* the text as UTF-8, without a byte order mark; it points
                             into the input (UTF-8) or into buf (converted) */
    size_t len;
    const char *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030" (static) */
    size_t bad_units;     /* UTF-16: unpaired surrogates and a stray last byte,
                             replaced by U+FFFD or dropped */
    fl_buf buf;           /* owns the converted text */
} fl_text_src;

/* Decide the encoding and convert. UTF-8 stays as it is, invalid sequences
 * included (the model replaces them and says how many) as long as they are
 * a few among valid ones; bytes that are neither UTF-8, GB18030 nor UTF-16
 * fail with FL_E_TEXT_ENCODING, UTF-32 with FL_E_UNSUPPORTED. Free src with
 * fl_text_src_free, also after a failure. */
int fl_text_decode(fl_text_src *src, const char *data, size_t len, fl_error *err);
void fl_text_src_free(fl_text_src *src);
#endif
