/* Internals shared by index.c and query.c: the connection, its prepared
 * statements and the snapshot of live documents that queries use. Not for
 * use outside checker/corpus/. */
#ifndef FL_CORPUS_INDEX_INT_H
#define FL_CORPUS_INDEX_INT_H
#include <sqlite3.h>
#include "core/arena.h"
#include "corpus/index.h"

enum corpus_stmt {
    ST_FIND_PATH, ST_DEL_DOC, ST_INS_DOC, ST_INS_FP, ST_TOUCH_DOC, ST_KNOWN,
    ST_LOOKUP, ST_LINES, ST_DOCS, ST_META_SET, ST_INS_SIG, ST_FIND_SIG, ST_CANDIDATES, ST_HAS_FP,
    ST_SET_GROUP, ST_MERGE_GROUP, ST_COUNT
};

typedef struct corpus_row {
    uint32_t hash;
    int32_t doc;
    uint32_t pos;
} corpus_row;

/* Hashes are stored as 32-bit signed integers (4 bytes in SQLite's record
 * format; unsigned values above 2^31 would take 6). Flipping the top bit
 * makes the stored order the unsigned order, so rows sorted by hash go into
 * the tree in key order. */
static inline int32_t fl_corpus_stored_hash(uint32_t h) { return (int32_t)(h ^ 0x80000000u); }

/* Rows queued before a batch's commit flushes them (about 24 MB). */
#define FL_CORPUS_BATCH_ROWS 2000000

typedef struct corpus_docinfo {
    int64_t id;
    const char *name, *path; /* in the snapshot arena */
    const char *project, *owner; /* fl_corpus_identity, "" when not stated */
    unsigned char sha256[32];
    int kind;
    int64_t grp, n_fingerprints;
} corpus_docinfo;

/* Line maps by document id; ids are never reused and a document's rows
 * never change, so a cached map stays right for the connection's life. */
typedef struct corpus_lines_cache {
    int64_t *id;
    fl_corpus_lines *lines;
    size_t n, cap;
} corpus_lines_cache;

struct fl_corpus {
    sqlite3 *db;
    char *file;
    fl_corpus_mode mode;
    fl_fp_params params;
    sqlite3_stmt *stmt[ST_COUNT];
    /* Inside fl_corpus_begin .. fl_corpus_commit: fingerprints wait here
     * and go in in key order at the commit (see index.c). */
    bool batch;
    corpus_row *queue;
    size_t nqueue, cap_queue;
    /* The filings queued in this batch: document id and where its rows
     * start in the queue (each filing's rows are in hash order until the
     * flush), so the copies of one filing are found before their rows are
     * in the table. */
    struct corpus_queued { int64_t id; size_t start, n; } *queued;
    size_t nqueued, cap_queued;
    /* snapshot of the documents table for queries */
    int64_t data_version;
    bool loaded;
    fl_arena snap;
    corpus_docinfo *docs;
    size_t ndocs, cap_docs;
    int32_t *slot;         /* document id -> index in docs, -1 when not live */
    size_t nslot;
    corpus_lines_cache lines;
};

/* err from the connection's last error; returns -1. */
int fl_corpus_db_error(fl_corpus *c, fl_error *err, const char *what);
/* A prepared statement, reset and with bindings cleared; NULL on error. */
sqlite3_stmt *fl_corpus_stmt(fl_corpus *c, enum corpus_stmt which, fl_error *err);
/* Start the read transaction of a query, refreshing the snapshot of live
 * documents when another connection changed the database; end it. */
int fl_corpus_read_begin(fl_corpus *c, fl_error *err);
void fl_corpus_read_end(fl_corpus *c);
/* Per snapshot document: is it the filing doc itself: same text hash or
 * same canonical path, or else a copy of it (identity and fingerprints,
 * FL_CORPUS_SAME_SHARE), and every filing the index grouped with one of
 * those? Malloc'd, c->ndocs entries; NULL with err on a database error;
 * call inside a read. */
bool *fl_corpus_self_mask(fl_corpus *c, const fl_doc *doc, fl_error *err);
/* How many of fps (sorted by hash, one per hash) document id holds, counting
 * at most until `enough`: its rows in the open batch's queue, else point
 * look-ups. -1 on error. */
int64_t fl_corpus_shared(fl_corpus *c, const fl_fp *fps, size_t n, int64_t id, int64_t enough, fl_error *err);
/* How many shared fingerprints make filings of n_a and n_b fingerprints
 * copies of one filing (FL_CORPUS_SAME_SHARE of the smaller, at least 1). */
int64_t fl_corpus_same_need(int64_t n_a, int64_t n_b);
/* The line map of a document id (cached); NULL on error. */
const fl_corpus_lines *fl_corpus_doc_lines(fl_corpus *c, int64_t id, fl_error *err);
#endif
