/* Symbol-font characters (w:sym, and w:t in a Symbol/Wingdings run) to
 * Unicode. Checkbox glyphs map to ☑ ☒ ☐ so the field reader sees ticks. */
#ifndef FL_SYMBOLFONT_H
#define FL_SYMBOLFONT_H
#include <stdint.h>
/* Is this font one whose code points are symbols, not text? */
int fl_symbol_font(const char *font);
/* Map (font, code) to Unicode; code may carry the U+F000 private-use offset.
 * Unknown fonts or codes: the code minus the offset, unchanged otherwise. */
uint32_t fl_symbol_map(const char *font, uint32_t code);
#endif
