/* UTF-8: decoding, code-point columns, display width (CJK = 2). */
#ifndef FL_UTF8_H
#define FL_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"

/* Decode one code point at s (len > 0). Returns bytes consumed (1..4); an
 * invalid or truncated sequence yields U+FFFD and consumes 1 byte. */
size_t fl_utf8_decode(const char *s, size_t len, uint32_t *cp);
size_t fl_utf8_encode(uint32_t cp, char out[4]);
size_t fl_utf8_count(const char *s, size_t len);      /* code points */
size_t fl_utf8_width(const char *s, size_t len);      /* terminal columns */
int fl_utf8_cp_width(uint32_t cp);                    /* 0, 1 or 2 */
bool fl_utf8_valid(const char *s, size_t len);
/* Copy with every invalid sequence replaced by U+FFFD; *replaced counts them. */
char *fl_utf8_sanitize(fl_arena *a, const char *s, size_t len, size_t *out_len, size_t *replaced);
/* Byte offset of the code point that starts at 0-based code-point index col0
 * (clamped to len). */
size_t fl_utf8_byte_offset(const char *s, size_t len, size_t col0);
/* Truncate to at most max_cp code points, on a code-point boundary; returns bytes. */
size_t fl_utf8_prefix(const char *s, size_t len, size_t max_cp);
#endif
