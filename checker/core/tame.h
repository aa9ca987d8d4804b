/* Text from a filing or a file name, made fit for one line of a terminal.
 * A filing is the attacker's: ESC can drive the terminal, a newline forges a
 * second finding line, a C1 control (U+009B is CSI on many terminals) acts
 * like ESC, U+2028/U+2029 break lines for some readers, and bidirectional
 * controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) reorder
 * what follows, so a finding line can be made to read as another.
 *
 * Tab, CR and LF become a space (LF is kept when keep_newlines), other C0
 * controls and DEL become '?', as they always did; the Unicode controls
 * above are shown as a visible escape ("\u202e") and bytes that are not
 * UTF-8 as "\xNN". Everything else is copied as it is. */
#ifndef FL_TAME_H
#define FL_TAME_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"

/* Would cp (a decoded code point) reorder or break a terminal line? */
bool fl_tame_unsafe_cp(uint32_t cp);
/* Append s[0..len) to b, tamed. */
void fl_tame_append(fl_buf *b, const char *s, size_t len, bool keep_newlines);
/* Tame the NUL-terminated string in s, a buffer of cap bytes, in place;
 * what no longer fits is cut at a character boundary. */
void fl_tame_str(char *s, size_t cap, bool keep_newlines);
/* Tame a buffer's whole contents. */
void fl_tame_buf(fl_buf *b, bool keep_newlines);
#endif
