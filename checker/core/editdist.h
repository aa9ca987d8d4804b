/* Edit distance for "did you mean": a mistyped command (`chek`), option
 * (`--fail-of`) or rule id (`EIA10`) answered with the nearest names.
 * Distances count inserted, deleted and replaced bytes and swapped
 * neighbours (`chekc` is one edit from `check`); the names compared are
 * short ASCII, so bytes are characters. */
#ifndef FL_EDITDIST_H
#define FL_EDITDIST_H
#include <stddef.h>

/* The distance between a and b, or max + 1 when it is more than max. */
size_t fl_edit_distance(const char *a, const char *b, size_t max);
/* The names at the least distance from word, at most max away, in the
 * order given, up to cap of them into out. Returns how many. */
size_t fl_nearest(const char *word, const char *const *names, size_t n, size_t max, const char **out, size_t cap);
#endif
