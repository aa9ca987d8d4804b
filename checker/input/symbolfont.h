/* Symbol-font characters (w:sym, and w:t in a Symbol/Wingdings run) to
 * Unicode. Checkbox glyphs map to ☑ ☒ ☐ so the field reader sees ticks. */
#ifndef FL_SYMBOLFONT_H
#define FL_SYMBOLFONT_H
#include <stddef.h>
#include <stdint.h>
/* Is this font one whose code points are symbols, not text? */
int fl_symbol_font(const char *font);
/* Map (font, code) to Unicode; code may carry the U+F000 private-use offset.
 * Unknown fonts or codes: the code minus the offset, unchanged otherwise. */
uint32_t fl_symbol_map(const char *font, uint32_t code);
/* The characters of one line of a PDF, rewritten in place where they are a
 * symbol font's codes (fonts[i] is the PDF font name of chars[i], NULL if
 * unknown). A code U+F020-U+F0FF is one in any font (the producer wrote
 * the symbol font's code as the text), a code U+0020-U+00FF only in a
 * symbol font (OpenSymbol, Wingdings, Wingdings 2, Symbol). A named
 * Symbol or Wingdings font maps by its own table; when the glyph is
 * OpenSymbol's or a text font's, the source font is not known: a code that
 * is a checkbox in Wingdings 2 or Wingdings reads as that box where an
 * option word follows it (a CJK character, or the line ends), or where a
 * number follows it on a line that has other boxes or a ticked and an
 * empty one before numbers (☑1类 □2类), and as the Symbol character
 * otherwise (≤10 mm, ±2 %). */
void fl_symbol_pdf_line(const char *const *fonts, uint32_t *chars, size_t n);
#endif
