/* Rule patterns: PCRE2 (UTF + UCP) compiled and JIT-compiled once per
 * ruleset, matched on normalised text (core/norm.h) under match, depth and
 * heap limits so that no pattern can hang a run.
 *
 * Rule writers type patterns the way filings are typed: full-width （ ） ：,
 * em dashes, ideographic spaces. fl_pattern_prepare() normalises the literal
 * characters of a pattern exactly as fl_norm_text() normalises a document,
 * escaping a character that becomes a regex metacharacter (（ -> \( ), and
 * expands references {name} to the ruleset's named patterns.
 *
 * Ownership: an fl_pattern and its strings live in the ruleset's arena; the
 * pcre2_code is freed by fl_pattern_free (called by the ruleset). */
#ifndef FL_PATTERN_H
#define FL_PATTERN_H
#include <stdbool.h>
#include <stddef.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "core/arena.h"
#include "core/buf.h"

/* Limits per pcre2_match call (docs/architecture.md lists them). A literal or a sane
 * alternation over a 10,000-character paragraph stays far below them. */
#define FL_MATCH_LIMIT 2000000u
#define FL_DEPTH_LIMIT 5000u
#define FL_HEAP_LIMIT_KIB 65536u
#define FL_JIT_STACK_MAX (1024u * 1024u)

typedef struct fl_pattern {
    pcre2_code *code;
    const char *source;   /* as written in the ruleset (trimmed) */
    const char *expanded; /* after normalisation and {name} expansion: what PCRE2 compiled */
    int line;             /* line in the ruleset file */
    struct fl_pattern *next; /* ruleset's list, for freeing */
} fl_pattern;

/* Looks up a named pattern's (already prepared) text; NULL if unknown. */
typedef const char *(*fl_pattern_lookup)(void *ctx, const char *name, size_t len);

/* Normalise pattern literals and expand {name} references into out. Returns 0,
 * or -1 with a reason in msg (unknown name, unbalanced class). */
int fl_pattern_prepare(fl_buf *out, const char *src, size_t len, fl_pattern_lookup lookup,
                       void *ctx, char *msg, size_t msgcap);

/* Compile a prepared pattern (with JIT where available). On failure returns
 * -1 and writes PCRE2's reason and offset into msg. */
int fl_pattern_compile(pcre2_code **out, const char *expanded, char *msg, size_t msgcap);

/* Remove line breaks and the indentation that follows them, and trim, so a
 * long alternation can be written over several lines. Result in out. */
void fl_pattern_unfold(fl_buf *out, const char *src, size_t len);

/* Per-thread matching state: match data, a match context carrying the
 * limits and a JIT stack. Never shared between threads. */
typedef struct fl_matcher {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
} fl_matcher;

void fl_matcher_init(fl_matcher *m);
void fl_matcher_fini(fl_matcher *m);

/* Search subject[from..len) for p. Returns 1 with [*ms, *me) set, 0 for no
 * match, -1 when a limit was hit (or another match error). */
int fl_pattern_find(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len,
                    size_t from, size_t *ms, size_t *me);
/* Where the attempt that produced the last match of fl_pattern_find began:
 * *ms itself, unless \K moved the reported start past it. Alternatives of
 * one pattern compete by this position (leftmost wins), so a caller merging
 * the matches of several patterns as one alternation would must too. */
size_t fl_matcher_attempt(const fl_matcher *m);
/* Whole-string convenience: does p match anywhere in s? (-1 on limit) */
int fl_pattern_test(fl_matcher *m, const fl_pattern *p, const char *s, size_t len);
#endif
