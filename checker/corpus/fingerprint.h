/* Fingerprints for the similarity corpus (EIA303): a document's text is
 * folded into a stream of units, hashed as overlapping character n-grams
 * ("grams"), and winnowed (Schleimer, Wilkerson, Aiken 2003): of every
 * `window` consecutive gram hashes the smallest is kept. Two texts that
 * share a run of at least window + gram - 1 units are guaranteed to share a
 * fingerprint; shorter shared runs usually do too.
 *
 * Folding makes light edits invisible: normalisation of core/norm.h, then
 * white space, punctuation and symbols dropped, ASCII letters lower-cased,
 * and every run of digits (with the points, commas and superscripts between
 * them) becomes one digit unit. "COD 浓度为 35.2 mg/L。" and "COD浓度为
 * 38mg/L，" fold to the same units.
 *
 * Ownership: an fl_fold and an fl_fp array are malloc'd; the caller frees
 * them (fl_fold_free, free). */
#ifndef FL_FINGERPRINT_H
#define FL_FINGERPRINT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc/doc.h"

/* Defaults chosen by measurement (checker/corpus/README.md). */
#define FL_FP_GRAM_DEFAULT 10
#define FL_FP_WINDOW_DEFAULT 24
#define FL_FP_GRAM_MAX 64
#define FL_FP_WINDOW_MAX 256
/* Folding and hashing version: a database built with another one cannot be
 * queried with this code (its hashes would never match). */
#define FL_FP_VERSION 1
/* The unit every run of digits folds to. */
#define FL_FOLD_DIGIT ((uint32_t)'0')

typedef struct fl_fp_params {
    int gram;   /* units per gram */
    int window; /* grams per winnowing window */
} fl_fp_params;

/* The folded text of a document, one entry per unit. */
typedef struct fl_fold {
    uint32_t *unit;  /* folded code point */
    int32_t *block;  /* index of the block it came from */
    uint32_t *off;   /* byte offset of its first original character in that block's text */
    size_t n, cap;
} fl_fold;

typedef struct fl_fp {
    uint32_t hash; /* hash of the gram */
    uint32_t pos;  /* index of the gram's first unit in the fold */
} fl_fp;

void fl_fp_params_default(fl_fp_params *p);
/* 0 if usable, else -1 (gram 1..FL_FP_GRAM_MAX, window 1..FL_FP_WINDOW_MAX). */
int fl_fp_params_check(const fl_fp_params *p);

/* What one code point folds to: 0 when it is dropped, FL_FOLD_DIGIT for a
 * digit of any script, else the folded code point. */
uint32_t fl_fold_cp(uint32_t cp);

void fl_fold_init(fl_fold *f);
void fl_fold_free(fl_fold *f); /* NULL-safe; f is reusable after */
/* Append a block's text. Runs of digits continue across calls, so the fold
 * of a document is one stream. */
void fl_fold_append(fl_fold *f, int block, const char *text, size_t len);
/* Blocks that carry a filing's own text: body, text boxes and notes; not
 * headers, footers, comments, table-of-contents lines or placeholders. */
bool fl_fold_wants(const fl_block *b);
/* Fold every wanted block of a finished document. */
void fl_fold_doc(fl_fold *f, const fl_doc *doc);

/* Winnowed fingerprints of units[0..n), in position order; *out is malloc'd
 * (NULL when none). Returns the count. */
size_t fl_fp_winnow(fl_fp **out, const uint32_t *units, size_t n, const fl_fp_params *p);
/* Stable sort by hash (LSD radix): fingerprints in position order come out
 * ordered by (hash, position). */
void fl_fp_sort(fl_fp *v, size_t n);
#endif
