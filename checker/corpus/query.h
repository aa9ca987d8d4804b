/* Finding the passages a filing shares with other filings of a corpus
 * (EIA303). The filing's text is fingerprinted like the indexed ones; the
 * fingerprints of its project-specific sections are looked up; fingerprints
 * that many filings share (boilerplate) or that a boilerplate reference
 * document holds are dropped; the remaining hits are grouped by the other
 * filing and merged along the text into passages.
 *
 * A filing never matches itself: other entries with the same text hash or
 * the same canonical path are skipped.
 *
 * Threads: call from any thread with that thread's own fl_corpus (opened
 * FL_CORPUS_READ). */
#ifndef FL_CORPUS_QUERY_H
#define FL_CORPUS_QUERY_H
#include <stdbool.h>
#include <stddef.h>
#include "core/arena.h"
#include "core/error.h"
#include "corpus/index.h"
#include "doc/doc.h"

/* Defaults chosen by measurement on the bench corpus (README.md). */
#define FL_CORPUS_BOILERPLATE_SHARE 0.01
#define FL_CORPUS_BOILERPLATE_MIN 3
#define FL_CORPUS_MIN_CHARS 80
#define FL_CORPUS_MIN_SUPPORT 0.6
#define FL_CORPUS_MAX_MISS 2

typedef struct fl_corpus_opts {
    /* A fingerprint found in more than max(boilerplate_min, share x the
     * number of other filings) other filings is boilerplate. */
    double boilerplate_share;
    int boilerplate_min;
    /* Shortest passage reported, in characters of the original text. */
    int min_chars;
    /* Least share of the checked filing's fingerprints inside a passage
     * that must be shared with the other filing (and not boilerplate):
     * template sentences that differ only in names, sharing a place name
     * and a product between stretches of boilerplate, stay below it. */
    double min_support;
    /* A passage ends where more than this many of the checked filing's
     * fingerprints in a row are not shared with the other filing (an
     * edited word costs about one; a stretch of boilerplate more). */
    int max_miss;
    /* Substrings of a section path that make it project-specific; NULL =
     * 基本情况 工程分析 环境现状 环境质量现状 环境保护目标 预测. */
    const char *const *sections;
    size_t nsections;
    /* Check every block, not only project-specific sections. */
    bool whole_document;
} fl_corpus_opts;

typedef struct fl_corpus_passage {
    /* In the checked document: from (block, col) to (end_block, end_col),
     * block indexes into doc->blocks, 1-based code-point columns, end_col
     * exclusive (one past the last character, as SARIF's endColumn). */
    int block, col;
    int end_block, end_col;
    int chars;              /* characters of the checked text the passage spans */
    int fingerprints;       /* shared fingerprints that support it */
    int span_fingerprints;  /* all the checked filing's fingerprints inside it */
    /* In the other filing (copied into the caller's arena). */
    const char *other_path; /* the path as it was indexed */
    int other_line, other_end_line;
} fl_corpus_passage;

void fl_corpus_opts_init(fl_corpus_opts *o);

/* Passages of doc (finished) shared with other filings, ordered by position
 * then other path; *out is allocated in arena (NULL when none). */
int fl_corpus_find(fl_corpus_passage **out, size_t *count, fl_corpus *c, const fl_doc *doc,
                   const fl_corpus_opts *opts, fl_arena *arena, fl_error *err);
/* The indexed filings that count as doc itself (its own path aside): same
 * text, or copies of it (index.h, FL_CORPUS_SAME_SHARE); what the queries
 * skip. Names as indexed, in the snapshot's order, in arena; *out NULL when
 * none. Returns 0 or -1 with err. */
int fl_corpus_copies(const char ***out, size_t *count, fl_corpus *c, const fl_doc *doc, fl_arena *arena,
                     fl_error *err);
/* A signature picture of the checked filing that another filing of the
 * corpus holds (EIA509): whose it is there. Boilerplate reference documents
 * and the filing itself are not looked at. */
typedef struct fl_corpus_sighit {
    uint64_t hash;
    const char *other_path; /* the other filing as indexed (its name) */
    const char *person;     /* there, without white space */
    const char *shown;      /* there, as written */
    const char *role;       /* there: the list, "" */
    int other_line;         /* there: the signature cell's line */
    const char *filed;      /* there: the filing's own date (YYYY-MM-DD, YYYY-MM, YYYY), "" unknown */
    const char *credit;     /* there: the person's 信用编号, "" none */
    const char *cert;       /* there: the person's 职业资格证书管理号, "" none */
} fl_corpus_sighit;

/* Every row of the corpus holding one of the hashes, in the order of the
 * hashes (strings in arena). Returns 0 or -1 with err. */
int fl_corpus_find_sigs(fl_corpus_sighit **out, size_t *count, fl_corpus *c, const fl_doc *doc,
                        const uint64_t *hashes, size_t nhashes, fl_arena *arena, fl_error *err);
#endif
