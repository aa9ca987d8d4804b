/* The similarity corpus: an SQLite database of winnowed fingerprints of
 * filings, for EIA303 (a passage shared with another filing).
 *
 *   documents(id, path, name, kind, sha256, size, mtime, indexed, n_units,
 *             n_fingerprints, lines)  one row per indexed filing
 *   fp(hash, doc, pos)   PRIMARY KEY (hash, doc), WITHOUT ROWID: one row per
 *                        distinct fingerprint of a filing, clustered by hash
 *   signatures(doc, hash, person, shown, role, line, filed, credit, cert)  PRIMARY KEY (hash, doc,
 *                        person), WITHOUT ROWID: the pictures in the signature
 *                        cells of a filing's staff table (EIA509), the hash
 *                        of the picture part's bytes stored as a signed 64-bit
 *                        integer, the person without white space, as written,
 *                        the list they are in, the signature cell's line,
 *                        the filing's own date (YYYY-MM-DD, YYYY-MM, YYYY or
 *                        "": which of two filings had a picture first), the
 *                        person's 信用编号 and 职业资格证书管理号 ("" none:
 *                        who the person is when names are spelt apart)
 *   meta(key, value)     gram, window, fold version
 *
 * documents.project and .owner are the filing's 项目名称 and 建设单位 with
 * white space and punctuation dropped ("" when not stated); documents.grp
 * names the filing's group: the copies of one filing (FL_CORPUS_SAME_SHARE)
 * share it, and queries treat every copy as the filing itself.
 *   PRAGMA user_version = FL_CORPUS_SCHEMA, application_id = 'FLCP'
 *
 * `path` is the canonical path (the identity: re-indexing it replaces the
 * filing), `name` the path as given (what reports show). `lines` maps fold
 * positions to the filing's lines (varint deltas). Replaced filings get a new
 * id; their old fp rows are invisible at once (no documents row) and are
 * deleted by fl_corpus_sweep. The database runs in WAL mode, so queries
 * (their own read-only connections) are safe while an indexer writes.
 *
 * Threads: one fl_corpus per thread. fl_corpus_entry_make needs no
 * connection and may run in any thread.
 *
 * Ownership: fl_corpus_open's handle belongs to the caller (fl_corpus_close);
 * an entry's arrays to the entry (fl_corpus_entry_free). */
#ifndef FL_CORPUS_INDEX_H
#define FL_CORPUS_INDEX_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/error.h"
#include "corpus/fingerprint.h"
#include "corpus/linemap.h"
#include "doc/doc.h"

/* 2: the signatures table. 3: the copies of one filing (documents.project,
 * owner, grp). An older corpus is refused with a line saying to index the
 * filings again (its filings have no signatures, or no groups). */
#define FL_CORPUS_SCHEMA 3
/* Two filings are copies of one (the DOCX and the PDF printed from it, a
 * draft and the published copy) when the project name and 建设单位 they both
 * state agree (at least one stated by both, none different) and at least
 * this share of the smaller one's fingerprints is in the other. Measured on
 * the fixtures' DOCX and their LibreOffice and Chromium PDFs: 0.78 to 1.00
 * for copies of one filing, at most 0.19 for two filings from one template
 * (checker/corpus/README.md). */
#define FL_CORPUS_SAME_SHARE 0.6
#define FL_CORPUS_APP_ID 0x464C4350 /* "FLCP" */

typedef struct fl_corpus fl_corpus;

typedef enum fl_corpus_mode {
    FL_CORPUS_READ,  /* queries: read-only connection */
    FL_CORPUS_WRITE, /* indexing: creates the database if missing */
} fl_corpus_mode;

typedef enum fl_corpus_kind {
    FL_CORPUS_FILING = 0,      /* a filing: its passages can be copies */
    FL_CORPUS_BOILERPLATE = 1, /* reference text (regulations, templates): what it shares never counts */
} fl_corpus_kind;

typedef enum fl_corpus_status {
    FL_CORPUS_ADDED, FL_CORPUS_REPLACED, FL_CORPUS_UNCHANGED
} fl_corpus_status;

/* A filing ready to store: everything that needs no database. */
typedef struct fl_corpus_entry {
    char *path;            /* canonical path (realpath, or as given when that fails) */
    char *name;            /* path as given */
    fl_corpus_kind kind;
    unsigned char sha256[32];
    int64_t size, mtime;   /* of the file, -1 when unknown */
    size_t n_units;        /* length of the fold */
    fl_fp *fps;            /* sorted by hash, one per distinct hash (its first position) */
    size_t nfps;
    unsigned char *lines;  /* encoded line map */
    size_t lines_len;
    struct fl_corpus_sig *sigs; /* the staff table's signature pictures (fl_corpus_entry_add_sig) */
    size_t nsigs, cap_sigs;
    char filed[11];        /* the filing's own date as fl_date_format writes it, "" unknown */
    char *project, *owner; /* fl_corpus_identity: 项目名称, 建设单位, "" when not stated */
} fl_corpus_entry;

/* One signature picture of a filing: whose, in which list, where. */
typedef struct fl_corpus_sig {
    uint64_t hash;      /* of the picture part's bytes */
    char *person;       /* without white space: what is compared */
    char *shown;        /* as written */
    char *role;         /* the list ("1. 编制主持人"), "" */
    int line;           /* the signature cell's line */
    char *credit;       /* the person's 信用编号 as rules/sigtable.h reads it, "" none */
    char *cert;         /* the person's 职业资格证书管理号, "" none */
} fl_corpus_sig;

typedef struct fl_corpus_stats {
    int64_t filings, boilerplate, fingerprints, bytes;
} fl_corpus_stats;

/* `create` gives the parameters of a new database (NULL: defaults); an
 * existing database keeps its own, and asking WRITE with different ones is
 * an error. READ never creates. */
int fl_corpus_open(fl_corpus **out, const char *db_path, fl_corpus_mode mode,
                   const fl_fp_params *create, fl_error *err);
void fl_corpus_close(fl_corpus *c); /* NULL-safe */
const fl_fp_params *fl_corpus_params(const fl_corpus *c);

/* SHA-256 of a document's text (every block, LF-terminated): the same
 * filing read again, in whatever format, hashes the same. */
void fl_corpus_doc_sha256(const fl_doc *doc, unsigned char out[32]);
/* What says which filing a document is: its 项目名称 (or 建设项目名称) and
 * 建设单位 fields, white space and punctuation dropped, full-width forms
 * folded, digits kept ("年产3000吨" and "年产5000吨" are two projects);
 * malloc'd, "" when not stated. */
void fl_corpus_identity(const fl_doc *doc, char **project, char **owner);
/* Do two identities allow one filing: at least one of project and owner
 * stated by both and equal, none stated by both and different. */
bool fl_corpus_identity_agrees(const char *project_a, const char *owner_a, const char *project_b,
                               const char *owner_b);
/* A document's fingerprints as an entry holds them: sorted by hash, one per
 * hash; *out malloc'd. Returns the count. */
size_t fl_corpus_doc_fps(fl_fp **out, const fl_doc *doc, const fl_fp_params *p, size_t *n_units);

int fl_corpus_entry_make(fl_corpus_entry *e, const fl_doc *doc, fl_corpus_kind kind,
                         const fl_fp_params *p, fl_error *err);
void fl_corpus_entry_free(fl_corpus_entry *e); /* NULL-safe */
/* A signature picture for the entry (strings copied). The indexer reads
 * them (rules/sigtable.h): the corpus layer knows no staff tables. One
 * record per (hash, person): a person's picture met twice is stored once. */
void fl_corpus_entry_add_sig(fl_corpus_entry *e, uint64_t hash, const char *person, const char *shown,
                             const char *role, int line, const char *credit, const char *cert);

/* Store one filing: same path and same text -> UNCHANGED (name, kind,
 * size, mtime refreshed); same path, other text -> REPLACED; else ADDED.
 * Outside a batch the filing is its own transaction. */
int fl_corpus_store(fl_corpus *c, const fl_corpus_entry *e, fl_corpus_status *status, fl_error *err);
/* A batch: the stores until fl_corpus_commit form one transaction (it also
 * commits by itself every FL_CORPUS_BATCH_ROWS fingerprints), so every
 * filing is all in or all out and readers see whole commits. Many filings a
 * transaction is what makes indexing fast (README.md); closing the handle
 * with a batch open rolls it back. */
int fl_corpus_begin(fl_corpus *c, fl_error *err);
int fl_corpus_commit(fl_corpus *c, fl_error *err);
/* True when the database holds canonical path with this size and mtime, so
 * the indexer can skip reading the file. */
bool fl_corpus_known(fl_corpus *c, const char *path, int64_t size, int64_t mtime);
/* Delete fp rows of replaced filings (one scan of the table; a no-op when
 * nothing was replaced since the last sweep). */
int fl_corpus_sweep(fl_corpus *c, fl_error *err);
int fl_corpus_stats_get(fl_corpus *c, fl_corpus_stats *s, fl_error *err);

/* The indexed documents in name order; strings valid during the callback.
 * A non-zero return from fn stops the listing and is returned. */
typedef struct fl_corpus_docrow {
    int64_t id;
    const char *name, *path, *indexed;
    const char *same;      /* the other copies of the same filing, ", "-separated, in name order; "" */
    fl_corpus_kind kind;
    int64_t n_units, n_fingerprints;
} fl_corpus_docrow;
int fl_corpus_list(fl_corpus *c, int (*fn)(void *ctx, const fl_corpus_docrow *row), void *ctx,
                   fl_error *err);

#endif
