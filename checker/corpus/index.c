/* The corpus database: opening (and creating, versioned), storing filings,
 * replacing changed ones, sweeping the rows they left behind, and the
 * snapshot of live documents that queries read. Schema and concurrency are
 * described in index.h.
 *
 * Size matters here (≤ 25 bytes a stored fingerprint): the fp table is
 * WITHOUT ROWID with the three integers alone, hashes are stored as signed
 * 32-bit values (4-byte SQLite integers), and a filing's positions are
 * mapped to lines through one small blob per filing instead of a column. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "corpus/index_int.h"
#include "corpus/sha256.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void rollback_batch(fl_corpus *c);

static const char *const stmt_sql[ST_COUNT] = {
    [ST_FIND_PATH] = "SELECT id, sha256 FROM documents WHERE path = ?1",
    [ST_DEL_DOC] = "DELETE FROM documents WHERE id = ?1",
    [ST_INS_DOC] = ("INSERT INTO documents(path, name, kind, sha256, size, mtime, indexed, n_units,"
                    " n_fingerprints, lines, project, owner) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                    " ?11, ?12)"),
    [ST_INS_FP] = "INSERT INTO fp(hash, doc, pos) VALUES (?1, ?2, ?3)",
    [ST_TOUCH_DOC] = "UPDATE documents SET name = ?2, kind = ?3, size = ?4, mtime = ?5 WHERE id = ?1",
    [ST_KNOWN] = "SELECT 1 FROM documents WHERE path = ?1 AND size = ?2 AND mtime = ?3",
    [ST_LOOKUP] = "SELECT doc, pos FROM fp WHERE hash = ?1",
    [ST_LINES] = "SELECT lines FROM documents WHERE id = ?1",
    [ST_DOCS] = "SELECT id, name, path, sha256, kind, project, owner, grp, n_fingerprints FROM documents",
    [ST_META_SET] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
    [ST_INS_SIG] = ("INSERT OR IGNORE INTO signatures(hash, doc, person, shown, role, line, filed, credit, cert)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
    [ST_FIND_SIG] = "SELECT doc, person, shown, role, line, filed, credit, cert FROM signatures WHERE hash = ?1",
    [ST_CANDIDATES] = ("SELECT id, project, owner, n_fingerprints, grp FROM documents WHERE kind = 0 AND id <> ?3"
                       " AND ((?1 <> '' AND project = ?1) OR (?2 <> '' AND owner = ?2))"),
    [ST_HAS_FP] = "SELECT 1 FROM fp WHERE hash = ?1 AND doc = ?2",
    [ST_SET_GROUP] = "UPDATE documents SET grp = ?2 WHERE id = ?1",
    [ST_MERGE_GROUP] = "UPDATE documents SET grp = ?2 WHERE grp = ?1",
};

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value) WITHOUT ROWID;"
    "CREATE TABLE documents("
    " id INTEGER PRIMARY KEY AUTOINCREMENT," /* never reused: stale fp rows stay dead */
    " path TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL,"
    " kind INTEGER NOT NULL DEFAULT 0,"
    " sha256 BLOB NOT NULL,"
    " size INTEGER NOT NULL DEFAULT -1,"
    " mtime INTEGER NOT NULL DEFAULT -1,"
    " indexed TEXT NOT NULL,"
    " n_units INTEGER NOT NULL,"
    " n_fingerprints INTEGER NOT NULL,"
    " lines BLOB NOT NULL,"
    " project TEXT NOT NULL DEFAULT '',"
    " owner TEXT NOT NULL DEFAULT '',"
    " grp INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX documents_project ON documents(project) WHERE project <> '';"
    "CREATE INDEX documents_owner ON documents(owner) WHERE owner <> '';"
    "CREATE INDEX documents_grp ON documents(grp);"
    "CREATE TABLE fp(hash INTEGER NOT NULL, doc INTEGER NOT NULL, pos INTEGER NOT NULL,"
    " PRIMARY KEY(hash, doc)) WITHOUT ROWID;"
    "CREATE TABLE signatures(hash INTEGER NOT NULL, doc INTEGER NOT NULL, person TEXT NOT NULL,"
    " shown TEXT NOT NULL, role TEXT NOT NULL, line INTEGER NOT NULL, filed TEXT NOT NULL,"
    " credit TEXT NOT NULL DEFAULT '', cert TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY(hash, doc, person)) WITHOUT ROWID;";

int fl_corpus_db_error(fl_corpus *c, fl_error *err, const char *what)
{
    if (!err) return -1;
    fl_error_set(err, FL_E_CORPUS, "");
    snprintf(err->message, sizeof err->message, "corpus database: %s: %s", what,
             c->db ? sqlite3_errmsg(c->db) : "cannot open");
    snprintf(err->file, sizeof err->file, "%s", c->file);
    return -1;
}

static int corpus_error(fl_corpus *c, fl_error *err, const char *msg)
{
    fl_error_set(err, FL_E_CORPUS, msg);
    if (err) snprintf(err->file, sizeof err->file, "%s", c->file);
    return -1;
}

sqlite3_stmt *fl_corpus_stmt(fl_corpus *c, enum corpus_stmt which, fl_error *err)
{
    sqlite3_stmt *s = c->stmt[which];
    if (!s) {
        if (sqlite3_prepare_v3(c->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
            fl_corpus_db_error(c, err, "prepare");
            return NULL;
        }
        c->stmt[which] = s;
        return s;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
}

/* What an error names: the statement's first two words ("BEGIN IMMEDIATE",
 * "PRAGMA journal_mode"), never the statement with its values. */
static const char *sql_label(const char *sql, char *buf, size_t cap)
{
    size_t o = 0;
    int words = 0;
    for (const char *p = sql; *p && o + 1 < cap; p++) {
        if (*p == ' ' || *p == '=' || *p == ';' || *p == '(') {
            if (++words == 2 || *p != ' ') break;
        }
        buf[o++] = *p;
    }
    buf[o] = '\0';
    return buf;
}

static int exec(fl_corpus *c, const char *sql, fl_error *err)
{
    char what[40];
    if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return fl_corpus_db_error(c, err, sql_label(sql, what, sizeof what));
    return 0;
}

/* First column of a one-row query as an integer; -1 when there is no row. */
static int64_t query_int(fl_corpus *c, const char *sql)
{
    sqlite3_stmt *s;
    int64_t v = -1;
    if (sqlite3_prepare_v2(c->db, sql, -1, &s, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static int meta_set(fl_corpus *c, const char *key, int64_t value, fl_error *err)
{
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_META_SET, err);
    if (!s) return -1;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, value);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : fl_corpus_db_error(c, err, "meta");
}

static int create_schema(fl_corpus *c, const fl_fp_params *p, fl_error *err)
{
    char sql[256];
    if (exec(c, "BEGIN IMMEDIATE", err)) return -1;
    /* Another indexer may have created it while we waited for the lock. */
    if (query_int(c, "PRAGMA user_version") != 0) return exec(c, "COMMIT", err);
    if (query_int(c, "SELECT count(*) FROM sqlite_master") != 0) {
        exec(c, "ROLLBACK", NULL);
        return corpus_error(c, err, "not a filinglint corpus (the database has other tables)");
    }
    snprintf(sql, sizeof sql,
             "INSERT INTO meta VALUES ('gram', %d), ('window', %d), ('fold', %d), ('orphans', 0);"
             "PRAGMA application_id = %d; PRAGMA user_version = %d;",
             p->gram, p->window, FL_FP_VERSION, FL_CORPUS_APP_ID, FL_CORPUS_SCHEMA);
    if (exec(c, schema_sql, err) || exec(c, sql, err)) {
        exec(c, "ROLLBACK", NULL);
        return -1;
    }
    return exec(c, "COMMIT", err);
}

static int64_t meta_get(fl_corpus *c, const char *key)
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT value FROM meta WHERE key = '%s'", key);
    return query_int(c, sql);
}

static int check_database(fl_corpus *c, const fl_fp_params *create, fl_error *err)
{
    char msg[256];
    int64_t version = query_int(c, "PRAGMA user_version");
    if (version < 0) return fl_corpus_db_error(c, err, "open");
    if (query_int(c, "PRAGMA application_id") != FL_CORPUS_APP_ID)
        return corpus_error(c, err, "not a filinglint corpus");
    if (version != FL_CORPUS_SCHEMA) {
        snprintf(msg, sizeof msg, "schema version %lld, this filinglint reads version %d: index the filings again",
                 (long long)version, FL_CORPUS_SCHEMA);
        return corpus_error(c, err, msg);
    }
    if (meta_get(c, "fold") != FL_FP_VERSION)
        return corpus_error(c, err, "built with another fingerprint version: index the filings again");
    c->params.gram = (int)meta_get(c, "gram");
    c->params.window = (int)meta_get(c, "window");
    if (fl_fp_params_check(&c->params)) return corpus_error(c, err, "bad gram or window in meta table");
    if (create && (create->gram != c->params.gram || create->window != c->params.window)) {
        snprintf(msg, sizeof msg, "built with gram %d and window %d; a corpus keeps its parameters",
                 c->params.gram, c->params.window);
        return corpus_error(c, err, msg);
    }
    return 0;
}

/* The switch to WAL needs the database to itself for a moment; a second
 * indexer starting at the same time gets SQLITE_BUSY at once (the busy
 * handler is not called for it), so it is retried for up to a minute. */
static int set_wal(fl_corpus *c, fl_error *err)
{
    for (int attempt = 0;; attempt++) {
        int rc = sqlite3_exec(c->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK) return 0;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= 1200)
            return fl_corpus_db_error(c, err, "PRAGMA journal_mode");
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

/* Writers: WAL while they run so readers never block on the indexer,
 * synchronous=NORMAL (a crash loses at most the last commits, never
 * consistency), and a page cache big enough for the hot part of the fp
 * tree; set only once the database is known to be empty or ours, so a
 * foreign database is refused untouched. Readers: memory-mapped pages make
 * the many small look-ups of a query cheaper. */
static int configure(fl_corpus *c, fl_error *err)
{
    if (c->mode == FL_CORPUS_WRITE)
        return set_wal(c, err) || exec(c, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;", err) ? -1 : 0;
    return exec(c, "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824;", err);
}

/* A database we may not write (another user's corpus, a read-only share)
 * still opens for reading: immutable=1 tells SQLite nobody changes it, so it
 * needs neither locks nor a -shm file beside it. */
static int open_immutable(fl_corpus *c)
{
    fl_buf uri = FL_BUF_INIT;
    fl_buf_adds(&uri, "file:");
    for (const char *p = c->file; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '%' || ch == '?' || ch == '#' || ch <= ' ' || ch >= 0x7F) fl_buf_printf(&uri, "%%%02X", ch);
        else fl_buf_addc(&uri, (char)ch);
    }
    fl_buf_adds(&uri, "?immutable=1");
    sqlite3_close(c->db);
    c->db = NULL;
    int rc = sqlite3_open_v2(uri.data, &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
    fl_buf_free(&uri);
    if (rc == SQLITE_OK) sqlite3_busy_timeout(c->db, 60000);
    return rc == SQLITE_OK ? 0 : -1;
}

static bool writable(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) *(slash == dir ? slash + 1 : slash) = '\0';
    else snprintf(dir, sizeof dir, ".");
    return access(path, W_OK) == 0 && access(dir, W_OK) == 0;
}

int fl_corpus_open(fl_corpus **out, const char *db_path, fl_corpus_mode mode,
                   const fl_fp_params *create, fl_error *err)
{
    *out = NULL;
    fl_corpus *c = fl_xcalloc(1, sizeof *c);
    c->file = fl_xstrdup(db_path);
    c->mode = mode;
    fl_arena_init(&c->snap);
    fl_fp_params defaults;
    fl_fp_params_default(&defaults);
    int flags = SQLITE_OPEN_NOMUTEX |
                (mode == FL_CORPUS_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
    struct stat st;
    if (mode == FL_CORPUS_READ && stat(db_path, &st) != 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
        corpus_error(c, err, msg);
        goto cleanup;
    }
    if (create && fl_fp_params_check(create)) {
        corpus_error(c, err, "gram must be 1..64 and window 1..256");
        goto cleanup;
    }
    if (sqlite3_open_v2(db_path, &c->db, flags, NULL) != SQLITE_OK) {
        fl_corpus_db_error(c, err, "open");
        goto cleanup;
    }
    sqlite3_busy_timeout(c->db, 60000); /* before any statement */
    if (mode == FL_CORPUS_READ && !writable(db_path) && open_immutable(c)) {
        fl_corpus_db_error(c, err, "open");
        goto cleanup;
    }
    /* One read snapshot for both questions: another indexer may be creating
     * the schema right now, and tables without our version are foreign only
     * if that is what one moment of the database shows. */
    exec(c, "BEGIN", NULL);
    int64_t version = query_int(c, "PRAGMA user_version");
    int64_t tables = version == 0 ? query_int(c, "SELECT count(*) FROM sqlite_master") : 0;
    exec(c, "COMMIT", NULL);
    if (version == 0 && mode == FL_CORPUS_WRITE && tables > 0) {
        corpus_error(c, err, "not a filinglint corpus (the database has other tables)");
        goto cleanup;
    }
    if (version != 0 && check_database(c, create, err)) goto cleanup; /* refused before any change */
    if (configure(c, err)) goto cleanup;
    if (version == 0) {
        if (mode == FL_CORPUS_READ) {
            corpus_error(c, err, "not a filinglint corpus (empty); build it with 'filinglint index'");
            goto cleanup;
        }
        if (create_schema(c, create ? create : &defaults, err)) goto cleanup;
        if (check_database(c, create, err)) goto cleanup;
    }
    *out = c;
    return 0;
cleanup:
    fl_corpus_close(c);
    return -1;
}

static void lines_cache_free(corpus_lines_cache *lc)
{
    for (size_t i = 0; i < lc->n; i++) fl_corpus_lines_free(&lc->lines[i]);
    free(lc->id);
    free(lc->lines);
    memset(lc, 0, sizeof *lc);
}

void fl_corpus_close(fl_corpus *c)
{
    if (!c) return;
    if (c->db) rollback_batch(c);
    /* At rest a corpus is in rollback-journal mode, so that readers (a
     * colleague, another uid, a read-only share) never create -wal and -shm
     * files beside it that would lock its owner out. Refused, harmlessly,
     * while another connection still has it open. */
    if (c->db && c->mode == FL_CORPUS_WRITE) sqlite3_exec(c->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    free(c->queue);
    free(c->queued);
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(c->stmt[i]);
    sqlite3_close(c->db);
    fl_arena_free(&c->snap);
    free(c->docs);
    free(c->slot);
    lines_cache_free(&c->lines);
    free(c->file);
    free(c);
}

const fl_fp_params *fl_corpus_params(const fl_corpus *c) { return &c->params; }

/* ---- entries --------------------------------------------------------------- */

void fl_corpus_doc_sha256(const fl_doc *doc, unsigned char out[32])
{
    fl_sha256 s;
    fl_sha256_init(&s);
    for (size_t i = 0; i < doc->nblocks; i++) {
        fl_sha256_update(&s, doc->blocks[i].text, doc->blocks[i].len);
        fl_sha256_update(&s, "\n", 1);
    }
    fl_sha256_final(&s, out);
}

/* Sorted by hash so inserts walk the fp tree in order; one row per hash
 * (its first position), which is all a query needs and keeps the document
 * frequency of a hash equal to its row count. */
static size_t fps_of_fold(fl_fp **out, const fl_fold *f, const fl_fp_params *p)
{
    fl_fp *fp;
    size_t n = fl_fp_winnow(&fp, f->unit, f->n, p);
    fl_fp_sort(fp, n);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!w || fp[w - 1].hash != fp[i].hash) fp[w++] = fp[i];
    *out = fp;
    return w;
}

size_t fl_corpus_doc_fps(fl_fp **out, const fl_doc *doc, const fl_fp_params *p, size_t *n_units)
{
    fl_fold f;
    fl_fold_init(&f);
    fl_fold_doc(&f, doc);
    size_t n = fps_of_fold(out, &f, p);
    if (n_units) *n_units = f.n;
    fl_fold_free(&f);
    return n;
}

/* A name as identity: what fl_fold_cp keeps, but digits as themselves
 * (the capacity in a project's name tells two projects apart). */
static char *identity_text(const char *v)
{
    fl_buf b = FL_BUF_INIT;
    size_t len = v ? strlen(v) : 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += fl_utf8_decode(v + i, len - i, &cp);
        uint32_t u = fl_fold_cp(cp);
        if (u == FL_FOLD_DIGIT) {
            uint32_t r = fl_norm_cp(cp);
            u = r >= '0' && r <= '9' ? r : 0;
        }
        if (u) fl_buf_addcp(&b, u);
    }
    char *out = fl_buf_detach(&b);
    return out ? out : fl_xstrdup("");
}

static const char *first_field(const fl_doc *doc, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const fl_field *f = fl_doc_field(doc, names[i]);
        if (f && f->value && *f->value) return f->value;
    }
    return NULL;
}

void fl_corpus_identity(const fl_doc *doc, char **project, char **owner)
{
    static const char *const project_names[] = {"项目名称", "建设项目名称"};
    static const char *const owner_names[] = {"建设单位"};
    *project = identity_text(first_field(doc, project_names, 2));
    *owner = identity_text(first_field(doc, owner_names, 1));
}

bool fl_corpus_identity_agrees(const char *project_a, const char *owner_a, const char *project_b,
                               const char *owner_b)
{
    bool project = *project_a && *project_b, owner = *owner_a && *owner_b;
    if ((project && strcmp(project_a, project_b)) || (owner && strcmp(owner_a, owner_b))) return false;
    return project || owner;
}

int fl_corpus_entry_make(fl_corpus_entry *e, const fl_doc *doc, fl_corpus_kind kind,
                         const fl_fp_params *p, fl_error *err)
{
    memset(e, 0, sizeof *e);
    const char *given = doc->path ? doc->path : "";
    e->name = fl_xstrdup(given);
    char *canon = doc->path ? realpath(doc->path, NULL) : NULL;
    e->path = canon ? canon : fl_xstrdup(given);
    e->kind = kind;
    e->size = e->mtime = -1;
    struct stat st;
    if (doc->path && stat(doc->path, &st) == 0) {
        e->size = (int64_t)st.st_size;
        e->mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    }
    fl_corpus_doc_sha256(doc, e->sha256);
    fl_corpus_identity(doc, &e->project, &e->owner);
    fl_fold f;
    fl_fold_init(&f);
    fl_fold_doc(&f, doc);
    e->n_units = f.n;
    e->nfps = fps_of_fold(&e->fps, &f, p);
    fl_corpus_lines_encode(&e->lines, &e->lines_len, &f, doc);
    fl_fold_free(&f);
    (void)err;
    return 0;
}

void fl_corpus_entry_add_sig(fl_corpus_entry *e, uint64_t hash, const char *person, const char *shown,
                             const char *role, int line, const char *credit, const char *cert)
{
    for (size_t i = 0; i < e->nsigs; i++)
        if (e->sigs[i].hash == hash && !strcmp(e->sigs[i].person, person)) return;
    FL_VEC_RESERVE(e->sigs, e->cap_sigs, e->nsigs + 1);
    e->sigs[e->nsigs++] = (fl_corpus_sig){hash, fl_xstrdup(person), fl_xstrdup(shown), fl_xstrdup(role ? role : ""),
                                          line, fl_xstrdup(credit ? credit : ""), fl_xstrdup(cert ? cert : "")};
}

void fl_corpus_entry_free(fl_corpus_entry *e)
{
    if (!e) return;
    for (size_t i = 0; i < e->nsigs; i++) {
        free(e->sigs[i].person);
        free(e->sigs[i].shown);
        free(e->sigs[i].role);
        free(e->sigs[i].credit);
        free(e->sigs[i].cert);
    }
    free(e->sigs);
    free(e->path);
    free(e->name);
    free(e->fps);
    free(e->lines);
    free(e->project);
    free(e->owner);
    memset(e, 0, sizeof *e);
}

/* ---- storing --------------------------------------------------------------- */

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Looks up the path: *id = its document id or 0, *same = same text. */
static int find_path(fl_corpus *c, const fl_corpus_entry *e, int64_t *id, bool *same, fl_error *err)
{
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_FIND_PATH, err);
    if (!s) return -1;
    sqlite3_bind_text(s, 1, e->path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    *id = 0;
    *same = false;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        *same = sqlite3_column_bytes(s, 1) == 32 && !memcmp(sqlite3_column_blob(s, 1), e->sha256, 32);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : fl_corpus_db_error(c, err, "find document");
}

static int step_done(fl_corpus *c, sqlite3_stmt *s, fl_error *err, const char *what)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : fl_corpus_db_error(c, err, what);
}

static int touch_doc(fl_corpus *c, const fl_corpus_entry *e, int64_t id, fl_error *err)
{
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_TOUCH_DOC, err);
    if (!s) return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, e->name, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, e->kind);
    sqlite3_bind_int64(s, 4, e->size);
    sqlite3_bind_int64(s, 5, e->mtime);
    return step_done(c, s, err, "update document");
}

static int insert_doc(fl_corpus *c, const fl_corpus_entry *e, int64_t *id, fl_error *err)
{
    char when[32];
    now_iso(when);
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_INS_DOC, err);
    if (!s) return -1;
    sqlite3_bind_text(s, 1, e->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, e->name, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, e->kind);
    sqlite3_bind_blob(s, 4, e->sha256, 32, SQLITE_STATIC);
    sqlite3_bind_int64(s, 5, e->size);
    sqlite3_bind_int64(s, 6, e->mtime);
    sqlite3_bind_text(s, 7, when, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 8, (int64_t)e->n_units);
    sqlite3_bind_int64(s, 9, (int64_t)e->nfps);
    sqlite3_bind_blob(s, 10, e->lines ? (const void *)e->lines : "", (int)e->lines_len, SQLITE_STATIC);
    sqlite3_bind_text(s, 11, e->project ? e->project : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 12, e->owner ? e->owner : "", -1, SQLITE_STATIC);
    if (step_done(c, s, err, "insert document")) return -1;
    *id = sqlite3_last_insert_rowid(c->db);
    return 0;
}

/* Outside a batch the rows go straight in (already in hash order). In a
 * batch they are queued and inserted together in key order at the commit:
 * each fp page is then written once per batch, not once per filing. With
 * random hashes a filing touches most leaf pages of the tree, so one
 * transaction per filing rewrote nearly the whole tree for every filing
 * (≈10 filings a second at 200 filings; see README.md). */
static int insert_rows(fl_corpus *c, const corpus_row *rows, size_t n, fl_error *err)
{
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_INS_FP, err);
    if (!s) return -1;
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int(s, 1, fl_corpus_stored_hash(rows[i].hash));
        sqlite3_bind_int(s, 2, rows[i].doc);
        sqlite3_bind_int64(s, 3, rows[i].pos);
        int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) return fl_corpus_db_error(c, err, "insert fingerprint");
    }
    return 0;
}

/* Stable LSD radix sort by hash: rows were queued filing by filing, in
 * increasing document id, so the result is in (hash, doc) key order. */
static void sort_rows(corpus_row *v, size_t n)
{
    if (n < 2) return;
    corpus_row *tmp = fl_xmalloc(n * sizeof *tmp), *src = v, *dst = tmp;
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++) count[((src[i].hash >> shift) & 0xFF) + 1]++;
        for (int b = 0; b < 256; b++) count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++) dst[count[(src[i].hash >> shift) & 0xFF]++] = src[i];
        corpus_row *t = src;
        src = dst;
        dst = t;
    }
    free(tmp);
}

static int flush_queue(fl_corpus *c, fl_error *err)
{
    sort_rows(c->queue, c->nqueue);
    int rc = insert_rows(c, c->queue, c->nqueue, err);
    c->nqueue = 0;
    c->nqueued = 0;
    return rc;
}

static int add_fps(fl_corpus *c, const fl_corpus_entry *e, int64_t id, fl_error *err)
{
    if (id > INT32_MAX) return corpus_error(c, err, "document ids exhausted");
    size_t base = 0;
    corpus_row *rows;
    if (c->batch) {
        FL_VEC_RESERVE(c->queue, c->cap_queue, c->nqueue + e->nfps);
        FL_VEC_RESERVE(c->queued, c->cap_queued, c->nqueued + 1);
        c->queued[c->nqueued++] = (struct corpus_queued){id, c->nqueue, e->nfps};
        base = c->nqueue;
        rows = c->queue + base;
        c->nqueue += e->nfps;
    } else {
        rows = fl_xmalloc((e->nfps ? e->nfps : 1) * sizeof *rows);
    }
    for (size_t i = 0; i < e->nfps; i++)
        rows[i] = (corpus_row){e->fps[i].hash, (int32_t)id, e->fps[i].pos};
    if (c->batch) return 0;
    int rc = insert_rows(c, rows, e->nfps, err);
    free(rows);
    return rc;
}

/* A filing has a few signatures: they go straight in, in the filing's
 * transaction, whether or not a batch is open. */
static int add_sigs(fl_corpus *c, const fl_corpus_entry *e, int64_t id, fl_error *err)
{
    for (size_t i = 0; i < e->nsigs; i++) {
        const fl_corpus_sig *g = &e->sigs[i];
        sqlite3_stmt *s = fl_corpus_stmt(c, ST_INS_SIG, err);
        if (!s) return -1;
        sqlite3_bind_int64(s, 1, (int64_t)g->hash);
        sqlite3_bind_int64(s, 2, id);
        sqlite3_bind_text(s, 3, g->person, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, g->shown, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, g->role, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 6, g->line);
        sqlite3_bind_text(s, 7, e->filed, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 8, g->credit, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 9, g->cert, -1, SQLITE_STATIC);
        if (step_done(c, s, err, "insert signature")) return -1;
    }
    return 0;
}

/* ---- copies of one filing ------------------------------------------------- */

int64_t fl_corpus_same_need(int64_t n_a, int64_t n_b)
{
    int64_t smaller = n_a < n_b ? n_a : n_b;
    int64_t need = (int64_t)ceil(FL_CORPUS_SAME_SHARE * (double)smaller);
    return need > 0 ? need : 1;
}

/* Both lists sorted by hash, one row per hash. */
static int64_t shared_sorted(const fl_fp *a, size_t na, const corpus_row *b, size_t nb)
{
    int64_t n = 0;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i].hash < b[j].hash) i++;
        else if (a[i].hash > b[j].hash) j++;
        else n++, i++, j++;
    }
    return n;
}

int64_t fl_corpus_shared(fl_corpus *c, const fl_fp *fps, size_t n, int64_t id, int64_t enough, fl_error *err)
{
    for (size_t q = 0; q < c->nqueued; q++)
        if (c->queued[q].id == id)
            return shared_sorted(fps, n, c->queue + c->queued[q].start, c->queued[q].n);
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_HAS_FP, err);
    if (!s) return -1;
    int64_t shared = 0;
    for (size_t i = 0; i < n && shared < enough; i++) {
        /* what is left cannot reach enough: stop */
        if (shared + (int64_t)(n - i) < enough) break;
        sqlite3_reset(s);
        sqlite3_bind_int(s, 1, fl_corpus_stored_hash(fps[i].hash));
        sqlite3_bind_int64(s, 2, id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) shared++;
        else if (rc != SQLITE_DONE) {
            sqlite3_reset(s);
            return fl_corpus_db_error(c, err, "look up fingerprint");
        }
    }
    sqlite3_reset(s);
    return shared;
}

/* The group of a filing just inserted: the group of the filings whose
 * identity agrees with it and that share enough of its fingerprints (their
 * groups merged when it joins two), else its own id. Candidates come from
 * the indexed project name and 建设单位, so a filing with no copy costs one
 * small query. Boilerplate references have no group of their own. */
static int group_doc(fl_corpus *c, const fl_corpus_entry *e, int64_t id, fl_error *err)
{
    int64_t grp = id, *merge = NULL;
    size_t nmerge = 0, cap = 0;
    int rc = 0;
    if (e->kind == FL_CORPUS_FILING && (*e->project || *e->owner)) {
        sqlite3_stmt *s = fl_corpus_stmt(c, ST_CANDIDATES, err);
        if (!s) return -1;
        sqlite3_bind_text(s, 1, e->project, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, e->owner, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, id);
        struct cand { int64_t id, nfp, grp; } *cand = NULL;
        size_t ncand = 0, capc = 0;
        int step;
        while ((step = sqlite3_step(s)) == SQLITE_ROW) {
            if (!fl_corpus_identity_agrees(e->project, e->owner, (const char *)sqlite3_column_text(s, 1),
                                           (const char *)sqlite3_column_text(s, 2)))
                continue;
            FL_VEC_RESERVE(cand, capc, ncand + 1);
            cand[ncand++] = (struct cand){sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 3),
                                          sqlite3_column_int64(s, 4)};
        }
        sqlite3_reset(s);
        if (step != SQLITE_DONE) rc = fl_corpus_db_error(c, err, "find copies");
        for (size_t i = 0; i < ncand && !rc; i++) {
            int64_t need = fl_corpus_same_need((int64_t)e->nfps, cand[i].nfp);
            int64_t shared = fl_corpus_shared(c, e->fps, e->nfps, cand[i].id, need, err);
            if (shared < 0) rc = -1;
            else if (shared >= need) {
                FL_VEC_RESERVE(merge, cap, nmerge + 1);
                merge[nmerge++] = cand[i].grp;
                if (cand[i].grp < grp) grp = cand[i].grp;
            }
        }
        free(cand);
    }
    for (size_t i = 0; i < nmerge && !rc; i++) {
        if (merge[i] == grp) continue;
        sqlite3_stmt *s = fl_corpus_stmt(c, ST_MERGE_GROUP, err);
        if (!s) rc = -1;
        else {
            sqlite3_bind_int64(s, 1, merge[i]);
            sqlite3_bind_int64(s, 2, grp);
            rc = step_done(c, s, err, "merge groups");
        }
    }
    free(merge);
    if (rc) return -1;
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_SET_GROUP, err);
    if (!s) return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int64(s, 2, grp);
    return step_done(c, s, err, "set group");
}

static int store_rows(fl_corpus *c, const fl_corpus_entry *e, fl_corpus_status *status, fl_error *err)
{
    int64_t old, id;
    bool same;
    if (find_path(c, e, &old, &same, err)) return -1;
    if (old && same) {
        *status = FL_CORPUS_UNCHANGED;
        return touch_doc(c, e, old, err);
    }
    if (old) {
        sqlite3_stmt *s = fl_corpus_stmt(c, ST_DEL_DOC, err);
        if (!s) return -1;
        sqlite3_bind_int64(s, 1, old);
        if (step_done(c, s, err, "delete document") || meta_set(c, "orphans", 1, err)) return -1;
    }
    *status = old ? FL_CORPUS_REPLACED : FL_CORPUS_ADDED;
    if (insert_doc(c, e, &id, err) || add_sigs(c, e, id, err) || group_doc(c, e, id, err)) return -1;
    return add_fps(c, e, id, err);
}

int fl_corpus_store(fl_corpus *c, const fl_corpus_entry *e, fl_corpus_status *status, fl_error *err)
{
    if (c->mode != FL_CORPUS_WRITE) return corpus_error(c, err, "opened read-only");
    if (c->batch) {
        if (store_rows(c, e, status, err)) return -1;
        if (c->nqueue < FL_CORPUS_BATCH_ROWS) return 0;
        return fl_corpus_commit(c, err) || fl_corpus_begin(c, err) ? -1 : 0;
    }
    if (exec(c, "BEGIN IMMEDIATE", err)) return -1;
    if (store_rows(c, e, status, err)) {
        exec(c, "ROLLBACK", NULL);
        return -1;
    }
    return exec(c, "COMMIT", err);
}

int fl_corpus_begin(fl_corpus *c, fl_error *err)
{
    if (c->mode != FL_CORPUS_WRITE) return corpus_error(c, err, "opened read-only");
    if (c->batch) return 0;
    if (exec(c, "BEGIN IMMEDIATE", err)) return -1;
    c->batch = true;
    c->nqueue = 0;
    return 0;
}

int fl_corpus_commit(fl_corpus *c, fl_error *err)
{
    if (!c->batch) return 0;
    c->batch = false;
    if (flush_queue(c, err) || exec(c, "COMMIT", err)) {
        exec(c, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
}

/* A batch not committed is rolled back: none of its filings are in. */
static void rollback_batch(fl_corpus *c)
{
    if (!c->batch) return;
    c->batch = false;
    c->nqueue = 0;
    c->nqueued = 0;
    exec(c, "ROLLBACK", NULL);
}

bool fl_corpus_known(fl_corpus *c, const char *path, int64_t size, int64_t mtime)
{
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_KNOWN, NULL);
    if (!s) return false;
    sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, size);
    sqlite3_bind_int64(s, 3, mtime);
    bool known = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_reset(s);
    return known;
}

int fl_corpus_sweep(fl_corpus *c, fl_error *err)
{
    if (c->mode != FL_CORPUS_WRITE) return corpus_error(c, err, "opened read-only");
    if (fl_corpus_commit(c, err) || exec(c, "BEGIN IMMEDIATE", err)) return -1;
    if (meta_get(c, "orphans") != 1) return exec(c, "COMMIT", err);
    if (exec(c, "DELETE FROM fp WHERE doc NOT IN (SELECT id FROM documents)", err) ||
        exec(c, "DELETE FROM signatures WHERE doc NOT IN (SELECT id FROM documents)", err) ||
        meta_set(c, "orphans", 0, err)) {
        exec(c, "ROLLBACK", NULL);
        return -1;
    }
    return exec(c, "COMMIT", err);
}

int fl_corpus_stats_get(fl_corpus *c, fl_corpus_stats *st, fl_error *err)
{
    sqlite3_stmt *s;
    memset(st, 0, sizeof *st);
    if (sqlite3_prepare_v2(c->db,
                           "SELECT count(*) FILTER (WHERE kind = 0), count(*) FILTER (WHERE kind = 1),"
                           " total(n_fingerprints) FROM documents", -1, &s, NULL) != SQLITE_OK)
        return fl_corpus_db_error(c, err, "stats");
    if (sqlite3_step(s) == SQLITE_ROW) {
        st->filings = sqlite3_column_int64(s, 0);
        st->boilerplate = sqlite3_column_int64(s, 1);
        st->fingerprints = (int64_t)sqlite3_column_double(s, 2);
    }
    sqlite3_finalize(s);
    st->bytes = query_int(c, "PRAGMA page_count") * query_int(c, "PRAGMA page_size");
    return 0;
}

int fl_corpus_list(fl_corpus *c, int (*fn)(void *ctx, const fl_corpus_docrow *row), void *ctx,
                   fl_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT id, name, path, indexed, kind, n_units, n_fingerprints,"
                           " (SELECT group_concat(name, ', ') FROM (SELECT b.name FROM documents b"
                           "   WHERE b.grp = a.grp AND b.id <> a.id AND b.kind = 0 ORDER BY b.name, b.id))"
                           " FROM documents a ORDER BY name, id", -1, &s, NULL) != SQLITE_OK)
        return fl_corpus_db_error(c, err, "list");
    int rc, ret = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        fl_corpus_docrow r = {
            .id = sqlite3_column_int64(s, 0),
            .name = (const char *)sqlite3_column_text(s, 1),
            .path = (const char *)sqlite3_column_text(s, 2),
            .indexed = (const char *)sqlite3_column_text(s, 3),
            .kind = (fl_corpus_kind)sqlite3_column_int(s, 4),
            .n_units = sqlite3_column_int64(s, 5),
            .n_fingerprints = sqlite3_column_int64(s, 6),
            .same = sqlite3_column_type(s, 7) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(s, 7),
        };
        if ((ret = fn(ctx, &r)) != 0) break;
    }
    if (!ret && rc != SQLITE_DONE) ret = fl_corpus_db_error(c, err, "list");
    sqlite3_finalize(s);
    return ret;
}

/* ---- the snapshot queries read --------------------------------------------- */

static int load_docs(fl_corpus *c, fl_error *err)
{
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_DOCS, err);
    if (!s) return -1;
    fl_arena_free(&c->snap);
    c->ndocs = 0;
    int64_t max_id = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        FL_VEC_RESERVE(c->docs, c->cap_docs, c->ndocs + 1);
        corpus_docinfo *d = &c->docs[c->ndocs++];
        d->id = sqlite3_column_int64(s, 0);
        d->name = fl_arena_strdup(&c->snap, (const char *)sqlite3_column_text(s, 1));
        d->path = fl_arena_strdup(&c->snap, (const char *)sqlite3_column_text(s, 2));
        memset(d->sha256, 0, 32);
        if (sqlite3_column_bytes(s, 3) == 32) memcpy(d->sha256, sqlite3_column_blob(s, 3), 32);
        d->kind = sqlite3_column_int(s, 4);
        d->project = fl_arena_strdup(&c->snap, (const char *)sqlite3_column_text(s, 5));
        d->owner = fl_arena_strdup(&c->snap, (const char *)sqlite3_column_text(s, 6));
        d->grp = sqlite3_column_int64(s, 7);
        d->n_fingerprints = sqlite3_column_int64(s, 8);
        if (d->id > max_id) max_id = d->id;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return fl_corpus_db_error(c, err, "read documents");
    if (max_id >= INT32_MAX) return corpus_error(c, err, "document ids exhausted");
    free(c->slot);
    c->nslot = (size_t)max_id + 1;
    c->slot = fl_xmalloc(c->nslot * sizeof *c->slot);
    for (size_t i = 0; i < c->nslot; i++) c->slot[i] = -1;
    for (size_t i = 0; i < c->ndocs; i++) c->slot[c->docs[i].id] = (int32_t)i;
    return 0;
}

int fl_corpus_read_begin(fl_corpus *c, fl_error *err)
{
    /* Read before the transaction starts: a commit in between makes the
     * next query reload, never this one miss a reload it needed. */
    int64_t version = query_int(c, "PRAGMA data_version");
    if (exec(c, "BEGIN", err)) return -1;
    if (c->loaded && version == c->data_version) return 0;
    if (load_docs(c, err)) {
        exec(c, "ROLLBACK", NULL);
        return -1;
    }
    c->loaded = true;
    c->data_version = version;
    return 0;
}

void fl_corpus_read_end(fl_corpus *c) { exec(c, "COMMIT", NULL); }

const fl_corpus_lines *fl_corpus_doc_lines(fl_corpus *c, int64_t id, fl_error *err)
{
    corpus_lines_cache *lc = &c->lines;
    for (size_t i = 0; i < lc->n; i++)
        if (lc->id[i] == id) return &lc->lines[i];
    sqlite3_stmt *s = fl_corpus_stmt(c, ST_LINES, err);
    if (!s) return NULL;
    sqlite3_bind_int64(s, 1, id);
    fl_corpus_lines l = {0};
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW &&
        fl_corpus_lines_decode(&l, sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0))) {
        sqlite3_reset(s);
        corpus_error(c, err, "corrupt line map");
        return NULL;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        fl_corpus_db_error(c, err, "read line map");
        return NULL;
    }
    if (lc->n == lc->cap) {
        lc->cap = lc->cap ? lc->cap * 2 : 16;
        lc->id = fl_xrealloc(lc->id, lc->cap * sizeof *lc->id);
        lc->lines = fl_xrealloc(lc->lines, lc->cap * sizeof *lc->lines);
    }
    lc->id[lc->n] = id;
    lc->lines[lc->n] = l;
    return &lc->lines[lc->n++];
}
