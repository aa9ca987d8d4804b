/* Aho–Corasick multi-pattern matching over bytes (UTF-8 text, CJK included).
 * Long term lists (place names, standard titles, sensitive-area words) go into
 * one automaton instead of a regex alternation, which PCRE2 scans 100× slower
 * (docs/performance.md). Build once per ruleset; the automaton is read-only after
 * fl_ac_build() and may be scanned by several threads at once.
 *
 * Ownership: fl_ac_build() consumes the builder; the caller frees the
 * automaton with fl_ac_free(). Scanning allocates nothing per match. */
#ifndef FL_ACMATCH_H
#define FL_ACMATCH_H
#include <stddef.h>
#include <stdint.h>

typedef struct fl_ac fl_ac;
typedef struct fl_ac_builder fl_ac_builder;

fl_ac_builder *fl_ac_builder_new(void);
/* Add a pattern with the caller's id. The same bytes may be added under
 * several ids (朝阳 for two places): every id is reported. Empty patterns are
 * ignored. The bytes are copied. */
void fl_ac_builder_add(fl_ac_builder *b, const char *pat, size_t len, uint32_t id);
void fl_ac_builder_free(fl_ac_builder *b); /* NULL-safe; only for a builder never built */
/* Build the automaton and free the builder (never NULL; aborts on OOM). */
fl_ac *fl_ac_build(fl_ac_builder *b);
void fl_ac_free(fl_ac *ac); /* NULL-safe */

size_t fl_ac_patterns(const fl_ac *ac); /* patterns added (not counting empty ones) */
size_t fl_ac_states(const fl_ac *ac);
size_t fl_ac_bytes(const fl_ac *ac);    /* memory held, for benchmarks */

typedef enum fl_ac_mode {
    /* every occurrence of every pattern, overlapping ones included, in order
     * of their end offset (longer first among those ending together) */
    FL_AC_ALL = 0,
    /* non-overlapping matches chosen left to right: of the matches starting
     * leftmost the longest wins (苏州市 over 苏州), and scanning resumes after
     * it. Each id of the winning bytes is reported. */
    FL_AC_LEFTMOST_LONGEST = 1,
} fl_ac_mode;

/* Called for each match [start, end) of text; return non-zero to stop. */
typedef int (*fl_ac_fn)(void *ctx, size_t start, size_t end, uint32_t id);

/* Scan text[0..len); returns 0, or the callback's non-zero value if it
 * stopped the scan. */
int fl_ac_scan(const fl_ac *ac, const char *text, size_t len, fl_ac_mode mode,
               fl_ac_fn fn, void *ctx);
#endif
