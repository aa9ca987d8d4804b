/* Text normalisation for matching, with a map back to the original.
 * Full-width ASCII (U+FF01..U+FF5E) and full-width digits become ASCII,
 * U+3000 and other spaces become ' ', every dash (U+2010..U+2015, U+2212,
 * U+FE58, U+FE63, U+FF0D, U+2E3A, U+2E3B, U+30FC is NOT a dash) becomes '-',
 * runs of white space (space, tab, NBSP, U+3000, U+200B, LF) fold to one
 * space. Other characters (CJK punctuation such as 。，、《》【】) are kept. */
#ifndef FL_NORM_H
#define FL_NORM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"

typedef struct fl_norm {
    const char *text; /* normalised, NUL-terminated; in the arena, or the input itself
                         (FL_NORM_MAY_ALIAS) when normalising changes nothing */
    /* The way back to the original, read with fl_norm_orig: breakpoints
     * where the two offsets stop advancing together, encoded compactly
     * (norm.c); NULL when every byte maps to itself. CJK text changes at
     * few places (full-width punctuation, folded white space), so this
     * costs a small fraction of the text. Allocated in the arena. */
    const unsigned char *map;
    uint32_t len;     /* bytes */
    uint32_t nmap;    /* tokens in map */
} fl_norm;

/* Byte offset in the original of the character that produced normalised
 * byte off (off == len gives the original length). */
size_t fl_norm_orig(const fl_norm *n, size_t off);

void fl_norm_text(fl_norm *out, fl_arena *a, const char *s, size_t len);
/* Options of fl_norm_text_opts. */
enum fl_norm_opts {
    /* Drop a single white-space character between two CJK characters (Han or
     * CJK punctuation): text copied out of a PDF or OCR'd often comes as
     * "项 目 名 称 ：". Wider gaps (two spaces, a tab) stay one space. */
    FL_NORM_FOLD_CJK_SPACES = 1u << 0,
    /* s[len] is a NUL and s lives as long as the result: when nothing
     * changes, text is s itself and nothing is allocated (block texts). */
    FL_NORM_MAY_ALIAS = 1u << 1,
};
void fl_norm_text_opts(fl_norm *out, fl_arena *a, const char *s, size_t len, unsigned opts);
/* Is s a spaced line: CJK characters mostly separated by single spaces
 * (at least 3 such gaps, and no fewer than the CJK pairs written together)?
 * Such lines are matched with FL_NORM_FOLD_CJK_SPACES. */
bool fl_norm_spaced(const char *s, size_t len);
/* CJK for spacing purposes: Han ideographs, CJK symbols and punctuation,
 * full-width forms. */
bool fl_norm_is_cjk_char(uint32_t cp);
/* Normalise a single code point (no folding of runs); returns the result cp,
 * ' ' for any white space, 0 for a zero-width character that is dropped. */
uint32_t fl_norm_cp(uint32_t cp);
/* Decode the code point at s[i] and normalise it (fl_norm_cp); returns its
 * length in bytes, 0 at the end (then *cp = 0xFFFFFFFF). For scanners that
 * read forms like dates and amounts however they are typed. */
size_t fl_norm_next(const char *s, size_t len, size_t i, uint32_t *cp);
uint32_t fl_norm_peek(const char *s, size_t len, size_t i);
/* 1-based code-point column in the original text for normalised byte offset off. */
size_t fl_norm_column(const fl_norm *n, const char *orig, size_t off);
/* Normalise and also drop all white space (for labels: "建 设 单 位" -> "建设单位"). */
char *fl_norm_label(fl_arena *a, const char *s, size_t len);
#endif
