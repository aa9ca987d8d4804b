/* Unit tests for checker/corpus/index.c: creating and reopening a corpus,
 * refusing what is not one (missing, foreign, other schema version, other
 * parameters), storing, recognising an unchanged filing, replacing a
 * changed one with its old rows invisible at once and gone after the sweep,
 * batches that commit or roll back as a whole, and boilerplate documents;
 * the signatures table (EIA509): stored per filing once per (picture,
 * person), found by hash in other filings only (not the filing itself, not
 * boilerplate, not a replaced version), swept with the filing, and a
 * version-1 corpus, which has no such table, refused with a line saying so;
 * copies of one filing (a DOCX and the PDF printed from it) grouped by
 * their stated identity and shared fingerprints, in a batch and across
 * runs, and what must not be grouped (a whole copy under another project's
 * name, two projects of one company); a version-2 corpus, which has no
 * groups, refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "model/load.h"
#include "core/buf.h"
#include "corpus/index.h"
#include "corpus/query.h"
#include "input/input.h"

static char dir[512];
static char dbpath[600];

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/fl-corpus-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) return -1;
    snprintf(dbpath, sizeof dbpath, "%s/c.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *suffix[] = {"", "-wal", "-shm", "-journal"};
    char p[700];
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", dbpath, suffix[i]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/other", dir);
    unlink(p);
    rmdir(dir);
    return 0;
}

/* A filing of n sentences of pseudo-random ideographs: its own text, so
 * every fingerprint is its own. */
static char *filing_text(unsigned seed, int n)
{
    fl_buf b = FL_BUF_INIT;
    fl_buf_adds(&b, "# 报告表\n\n## 二、建设项目工程分析\n\n");
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < 40; k++) {
            seed = seed * 1103515245u + 12345u;
            fl_buf_addcp(&b, 0x4E00 + (seed >> 16) % 3000);
        }
        fl_buf_adds(&b, "。\n");
    }
    return fl_buf_detach(&b);
}

static fl_doc *load(const char *name, const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, name, text, strlen(text), &err)) fail_msg("load %s: %s", name, err.message);
    return doc;
}

static fl_corpus *open_ok(fl_corpus_mode mode, const fl_fp_params *create)
{
    fl_corpus *c = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_open(&c, dbpath, mode, create, &err)) fail_msg("open: %s", err.message);
    return c;
}

static void open_fails(fl_corpus_mode mode, const fl_fp_params *create, const char *want)
{
    fl_corpus *c = NULL;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_open(&c, dbpath, mode, create, &err), -1);
    assert_null(c);
    assert_int_equal(err.code, FL_E_CORPUS);
    assert_string_equal(err.file, dbpath);
    if (!strstr(err.message, want)) fail_msg("message '%s' lacks '%s'", err.message, want);
}

static fl_corpus_status store(fl_corpus *c, const char *name, const char *text, fl_corpus_kind kind, size_t *nfps)
{
    fl_doc *doc = load(name, text);
    fl_corpus_entry e;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_entry_make(&e, doc, kind, fl_corpus_params(c), &err), 0);
    fl_corpus_status st;
    if (fl_corpus_store(c, &e, &st, &err)) fail_msg("store: %s", err.message);
    if (nfps) *nfps = e.nfps;
    fl_corpus_entry_free(&e);
    fl_doc_free(doc);
    return st;
}

/* The journal mode the database file is in, read from its header: bytes 18
 * and 19 are 2 in WAL mode, 1 otherwise (opening it to ask would not show
 * what a reader finds at rest). */
static const char *journal_mode(void)
{
    unsigned char h[20] = {0};
    FILE *f = fopen(dbpath, "rb");
    assert_non_null(f);
    assert_int_equal(fread(h, 1, sizeof h, f), sizeof h);
    fclose(f);
    return h[18] == 2 && h[19] == 2 ? "wal" : "delete";
}

static int64_t sql_int(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    int64_t v = -1;
    assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

static void sql_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static fl_corpus_stats stats(fl_corpus *c)
{
    fl_corpus_stats s;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_stats_get(c, &s, &err), 0);
    return s;
}

static void test_create_and_reopen(void **state)
{
    (void)state;
    open_fails(FL_CORPUS_READ, NULL, "cannot open");
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    assert_int_equal(fl_corpus_params(c)->gram, FL_FP_GRAM_DEFAULT);
    assert_int_equal(fl_corpus_params(c)->window, FL_FP_WINDOW_DEFAULT);
    fl_corpus_close(c);
    assert_int_equal(sql_int("PRAGMA user_version"), FL_CORPUS_SCHEMA);
    assert_int_equal(sql_int("PRAGMA application_id"), FL_CORPUS_APP_ID);
    assert_int_equal(sql_int("SELECT value FROM meta WHERE key = 'fold'"), FL_FP_VERSION);
    /* at rest in rollback-journal mode: readers create no -wal/-shm files */
    assert_string_equal(journal_mode(), "delete");
    /* WAL while an indexer has it open, so readers never wait for it */
    c = open_ok(FL_CORPUS_WRITE, NULL);
    assert_string_equal(journal_mode(), "wal");
    fl_corpus_close(c);
    assert_string_equal(journal_mode(), "delete");
    c = open_ok(FL_CORPUS_READ, NULL);
    assert_int_equal(stats(c).filings, 0);
    fl_corpus_close(c);
}

static void test_params(void **state)
{
    (void)state;
    fl_fp_params p = {7, 16}, other = {9, 24}, bad = {0, 24};
    open_fails(FL_CORPUS_WRITE, &bad, "gram must be");
    fl_corpus_close(open_ok(FL_CORPUS_WRITE, &p));
    open_fails(FL_CORPUS_WRITE, &other, "built with gram 7 and window 16");
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL); /* NULL: keep what it has */
    assert_int_equal(fl_corpus_params(c)->gram, 7);
    assert_int_equal(fl_corpus_params(c)->window, 16);
    fl_corpus_close(c);
}

static void test_refuses_foreign(void **state)
{
    (void)state;
    sql_exec(dbpath, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    open_fails(FL_CORPUS_WRITE, NULL, "not a filinglint corpus");
    open_fails(FL_CORPUS_READ, NULL, "not a filinglint corpus");
    assert_string_equal(journal_mode(), "delete"); /* refused untouched: not switched to WAL */
    unlink(dbpath);
    FILE *f = fopen(dbpath, "w");
    fputs("项目名称：这不是数据库，而是一份报告表的文本。\n", f);
    for (int i = 0; i < 100; i++) fputs("填充内容填充内容填充内容填充内容\n", f);
    fclose(f);
    open_fails(FL_CORPUS_READ, NULL, "not a database");
    unlink(dbpath);
}

static void test_schema_version(void **state)
{
    (void)state;
    fl_corpus_close(open_ok(FL_CORPUS_WRITE, NULL));
    sql_exec(dbpath, "PRAGMA user_version = 99");
    open_fails(FL_CORPUS_READ, NULL, "schema version 99");
    open_fails(FL_CORPUS_WRITE, NULL, "schema version 99");
}

static void test_store_replace_sweep(void **state)
{
    (void)state;
    char *t1 = filing_text(1, 40), *t2 = filing_text(2, 30), *t3 = filing_text(3, 20);
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    size_t n1, n2, n3;
    assert_int_equal(store(c, "/no/such/a.md", t1, FL_CORPUS_FILING, &n1), FL_CORPUS_ADDED);
    assert_int_equal(store(c, "/no/such/b.md", t3, FL_CORPUS_FILING, &n3), FL_CORPUS_ADDED);
    assert_true(n1 > 50 && n3 > 20);
    assert_int_equal(store(c, "/no/such/a.md", t1, FL_CORPUS_FILING, NULL), FL_CORPUS_UNCHANGED);
    assert_int_equal(sql_int("SELECT count(*) FROM fp"), n1 + n3);
    assert_int_equal(store(c, "/no/such/a.md", t2, FL_CORPUS_FILING, &n2), FL_CORPUS_REPLACED);
    fl_corpus_stats s = stats(c);
    assert_int_equal(s.filings, 2);
    assert_int_equal(s.fingerprints, n2 + n3);
    /* the old rows stay until the sweep, under an id no document has */
    assert_int_equal(sql_int("SELECT count(*) FROM fp"), n1 + n2 + n3);
    assert_int_equal(sql_int("SELECT count(*) FROM fp WHERE doc NOT IN (SELECT id FROM documents)"), n1);
    assert_int_equal(sql_int("SELECT value FROM meta WHERE key = 'orphans'"), 1);
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_sweep(c, &err), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM fp"), n2 + n3);
    assert_int_equal(sql_int("SELECT value FROM meta WHERE key = 'orphans'"), 0);
    /* a new document never gets a replaced one's id */
    assert_int_equal(sql_int("SELECT max(id) FROM documents"), 3);
    assert_int_equal(sql_int("SELECT count(*) FROM documents WHERE path = '/no/such/a.md' AND n_fingerprints > 0"), 1);
    fl_corpus_close(c);
    free(t1);
    free(t2);
    free(t3);
}

static void test_batch(void **state)
{
    (void)state;
    char *t[3] = {filing_text(4, 10), filing_text(5, 10), filing_text(6, 10)};
    const char *names[3] = {"/no/such/x.md", "/no/such/y.md", "/no/such/z.md"};
    fl_error err;
    fl_error_clear(&err);
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    assert_int_equal(fl_corpus_begin(c, &err), 0);
    for (int i = 0; i < 3; i++) assert_int_equal(store(c, names[i], t[i], FL_CORPUS_FILING, NULL), FL_CORPUS_ADDED);
    fl_corpus_close(c); /* not committed: rolled back */
    c = open_ok(FL_CORPUS_WRITE, NULL);
    assert_int_equal(stats(c).filings, 0);
    assert_int_equal(fl_corpus_begin(c, &err), 0);
    size_t total = 0, n;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(store(c, names[i], t[i], FL_CORPUS_FILING, &n), FL_CORPUS_ADDED);
        total += n;
    }
    /* the same path twice in one batch is recognised */
    assert_int_equal(store(c, names[0], t[0], FL_CORPUS_FILING, NULL), FL_CORPUS_UNCHANGED);
    assert_int_equal(fl_corpus_commit(c, &err), 0);
    assert_int_equal(stats(c).filings, 3);
    assert_int_equal(sql_int("SELECT count(*) FROM fp"), total);
    fl_corpus_close(c);
    for (int i = 0; i < 3; i++) free(t[i]);
}

static void test_kind_and_list(void **state)
{
    (void)state;
    char *t1 = filing_text(7, 10), *t2 = filing_text(8, 10);
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    store(c, "/no/such/reg.md", t1, FL_CORPUS_BOILERPLATE, NULL);
    store(c, "/no/such/f.md", t2, FL_CORPUS_FILING, NULL);
    fl_corpus_stats s = stats(c);
    assert_int_equal(s.filings, 1);
    assert_int_equal(s.boilerplate, 1);
    assert_true(s.bytes > 0);
    /* the same text indexed again as a filing keeps its rows, changes its kind */
    assert_int_equal(store(c, "/no/such/reg.md", t1, FL_CORPUS_FILING, NULL), FL_CORPUS_UNCHANGED);
    assert_int_equal(stats(c).boilerplate, 0);
    fl_corpus_close(c);
    free(t1);
    free(t2);
}

static int count_rows(void *ctx, const fl_corpus_docrow *r)
{
    int *n = ctx;
    assert_non_null(r->name);
    assert_true(r->n_fingerprints > 0);
    return ++*n >= 2 ? 7 : 0; /* stop after two */
}

static void test_list_stops(void **state)
{
    (void)state;
    char *t = filing_text(9, 5);
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    store(c, "/no/such/1.md", t, FL_CORPUS_FILING, NULL);
    store(c, "/no/such/2.md", t, FL_CORPUS_FILING, NULL);
    store(c, "/no/such/3.md", t, FL_CORPUS_FILING, NULL);
    int n = 0;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_list(c, count_rows, &n, &err), 7);
    assert_int_equal(n, 2);
    fl_corpus_close(c);
    free(t);
}

/* A filing with signature pictures: hash[i] signed by person[i] (line 40 + i). */
static void store_sigs(fl_corpus *c, const char *name, const char *text, fl_corpus_kind kind,
                       const uint64_t *hash, const char *const *person, size_t n)
{
    fl_doc *doc = load(name, text);
    fl_corpus_entry e;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_entry_make(&e, doc, kind, fl_corpus_params(c), &err), 0);
    snprintf(e.filed, sizeof e.filed, "2023-05");
    for (size_t i = 0; i < n; i++) fl_corpus_entry_add_sig(&e, hash[i], person[i], person[i], "2. 主要编制人员", 40 + (int)i, "", "");
    fl_corpus_status st;
    if (fl_corpus_store(c, &e, &st, &err)) fail_msg("store: %s", err.message);
    fl_corpus_entry_free(&e);
    fl_doc_free(doc);
}

/* "file:person@line;..." for the rows holding hash, seen from a filing of text */
static void find(fl_corpus *c, const char *text, uint64_t hash, const char *want)
{
    fl_doc *doc = load("/no/such/checked.md", text);
    fl_arena a;
    fl_arena_init(&a);
    fl_corpus_sighit *h;
    size_t n;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_find_sigs(&h, &n, c, doc, &hash, 1, &a, &err)) fail_msg("find: %s", err.message);
    char got[512] = "";
    for (size_t i = 0; i < n; i++) {
        assert_true(h[i].hash == hash);
        assert_string_equal(h[i].role, "2. 主要编制人员");
        assert_string_equal(h[i].filed, "2023-05");
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s:%s@%d", i ? ";" : "", h[i].other_path,
                 h[i].person, h[i].other_line);
    }
    if (strcmp(got, want)) fail_msg("hash %016llx: got \"%s\", want \"%s\"", (unsigned long long)hash, got, want);
    fl_arena_free(&a);
    fl_doc_free(doc);
}

static void test_signatures(void **state)
{
    (void)state;
    char *ta = filing_text(11, 5), *tb = filing_text(12, 5), *tr = filing_text(13, 5), *tc = filing_text(14, 5);
    /* a hash above 2^63 is stored as a negative integer and read back */
    const uint64_t H1 = 0xfedcba9876543210ull, H2 = 0x0123456789abcdefull, H3 = 0x8000000000000000ull;
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    {
        uint64_t h[] = {H1, H2, H1};
        const char *p[] = {"王立新", "陈晓燕", "王立新"}; /* his picture twice: one row */
        store_sigs(c, "/no/such/a.md", ta, FL_CORPUS_FILING, h, p, 3);
    }
    {
        uint64_t h[] = {H1};
        const char *p[] = {"刘志强"};
        store_sigs(c, "/no/such/b.md", tb, FL_CORPUS_FILING, h, p, 1);
    }
    {
        uint64_t h[] = {H3};
        const char *p[] = {"模板"};
        store_sigs(c, "/no/such/ref.md", tr, FL_CORPUS_BOILERPLATE, h, p, 1);
    }
    assert_int_equal(sql_int("SELECT count(*) FROM signatures"), 4);
    fl_corpus_close(c);

    c = open_ok(FL_CORPUS_READ, NULL);
    find(c, tc, H1, "/no/such/a.md:王立新@40;/no/such/b.md:刘志强@40");
    find(c, tc, H2, "/no/such/a.md:陈晓燕@41");
    find(c, tc, H3, ""); /* boilerplate reference documents are not filings */
    find(c, tc, 42, "");
    find(c, ta, H1, "/no/such/b.md:刘志强@40"); /* a filing never finds itself (same text) */
    fl_corpus_close(c);

    /* a replaced filing's signatures are invisible at once, gone after the sweep */
    c = open_ok(FL_CORPUS_WRITE, NULL);
    {
        uint64_t h[] = {H2};
        const char *p[] = {"刘志强"};
        store_sigs(c, "/no/such/b.md", tc, FL_CORPUS_FILING, h, p, 1);
    }
    find(c, ta, H1, "");
    find(c, ta, H2, "/no/such/b.md:刘志强@40");
    assert_int_equal(sql_int("SELECT count(*) FROM signatures"), 5);
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_sweep(c, &err), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM signatures"), 4);
    fl_corpus_close(c);
    free(ta);
    free(tb);
    free(tr);
    free(tc);
}

/* A filing whose cover states its identity the way 报告表 and 报告书 covers
 * do ("项目名称：…", "建设单位（盖章）：…"), NULL leaving a line out, and
 * `extra` a line only this copy has (a PDF's running header). */
static char *with_identity(const char *project, const char *owner, const char *extra, const char *body)
{
    fl_buf b = FL_BUF_INIT;
    if (project) fl_buf_printf(&b, "项目名称：%s\n\n", project);
    if (owner) fl_buf_printf(&b, "建设单位（盖章）：%s\n\n", owner);
    if (extra) fl_buf_printf(&b, "%s\n\n", extra);
    fl_buf_adds(&b, body);
    return fl_buf_detach(&b);
}

static int64_t group_of(const char *name)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT grp FROM documents WHERE name = '%s'", name);
    return sql_int(sql);
}

static void test_identity(void **state)
{
    (void)state;
    fl_doc *doc = load("/no/such/id.md", "项目名称：嘉兴某某新材料有限公司年产 5000 吨水性涂料项目\n\n"
                                         "建设单位（盖章）：嘉兴某某新材料有限公司\n\n正文。\n");
    char *project, *owner;
    fl_corpus_identity(doc, &project, &owner);
    /* white space dropped, digits kept */
    assert_string_equal(project, "嘉兴某某新材料有限公司年产5000吨水性涂料项目");
    assert_string_equal(owner, "嘉兴某某新材料有限公司");
    free(project);
    free(owner);
    fl_doc_free(doc);
    doc = load("/no/such/none.md", "正文。\n");
    fl_corpus_identity(doc, &project, &owner);
    assert_string_equal(project, "");
    assert_string_equal(owner, "");
    free(project);
    free(owner);
    fl_doc_free(doc);
    assert_true(fl_corpus_identity_agrees("甲项目", "甲公司", "甲项目", "甲公司"));
    assert_true(fl_corpus_identity_agrees("", "甲公司", "甲项目", "甲公司"));   /* a PDF without the table */
    assert_true(fl_corpus_identity_agrees("甲项目", "", "甲项目", "甲公司"));
    assert_false(fl_corpus_identity_agrees("甲项目", "甲公司", "乙项目", "甲公司")); /* two projects */
    assert_false(fl_corpus_identity_agrees("甲项目", "", "", "甲公司"));        /* nothing stated by both */
    assert_false(fl_corpus_identity_agrees("", "", "", ""));
    assert_false(fl_corpus_identity_agrees("年产3000吨项目", "甲公司", "年产5000吨项目", "甲公司"));
}

static void test_groups(void **state)
{
    (void)state;
    char *body = filing_text(21, 40), *other = filing_text(22, 40), *third = filing_text(23, 40);
    const char *P = "湖州某某机械有限公司年产2万台泵阀项目", *O = "湖州某某机械有限公司";
    char *docx = with_identity(P, O, NULL, body);
    char *pdf = with_identity(P, O, "湖州某某机械有限公司年产2万台泵阀项目环境影响报告表", body);
    char *pdf2 = with_identity(NULL, O, "第 1 页", body);   /* the staff table read as lines: no 项目名称 */
    char *renamed = with_identity("绍兴某某机械有限公司年产2万台泵阀项目", "绍兴某某机械有限公司", NULL, body);
    char *sibling = with_identity("湖州某某机械有限公司年产5万套阀门项目", O, NULL, other);
    char *unnamed = with_identity(NULL, O, NULL, third);
    fl_error err;
    fl_error_clear(&err);
    fl_corpus *c = open_ok(FL_CORPUS_WRITE, NULL);
    /* in one batch: rows of the earlier copies are still in the queue */
    assert_int_equal(fl_corpus_begin(c, &err), 0);
    store(c, "/no/such/a-docx.md", docx, FL_CORPUS_FILING, NULL);
    store(c, "/no/such/renamed-docx.md", renamed, FL_CORPUS_FILING, NULL);
    store(c, "/no/such/a-pdf.md", pdf, FL_CORPUS_FILING, NULL);
    store(c, "/no/such/sibling-docx.md", sibling, FL_CORPUS_FILING, NULL);
    assert_int_equal(fl_corpus_commit(c, &err), 0);
    /* in a later run: the earlier rows are in the table */
    store(c, "/no/such/a-print-pdf.md", pdf2, FL_CORPUS_FILING, NULL);
    store(c, "/no/such/unnamed-docx.md", unnamed, FL_CORPUS_FILING, NULL);
    int64_t g = group_of("/no/such/a-docx.md");
    assert_true(g > 0);
    assert_int_equal(group_of("/no/such/a-pdf.md"), g);
    assert_int_equal(group_of("/no/such/a-print-pdf.md"), g);
    /* the same text under another project's name is a copy, not the filing */
    assert_int_not_equal(group_of("/no/such/renamed-docx.md"), g);
    /* another project of the same company; a filing of it naming no project */
    assert_int_not_equal(group_of("/no/such/sibling-docx.md"), g);
    assert_int_not_equal(group_of("/no/such/unnamed-docx.md"), g);
    assert_int_equal(sql_int("SELECT count(DISTINCT grp) FROM documents"), 4);
    fl_corpus_close(c);

    /* the list names the other copies */
    c = open_ok(FL_CORPUS_READ, NULL);
    fl_doc *doc = load("/no/such/a-pdf.md", pdf);
    const char **names;
    size_t n;
    fl_arena a;
    fl_arena_init(&a);
    assert_int_equal(fl_corpus_copies(&names, &n, c, doc, &a, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "/no/such/a-docx.md");
    assert_string_equal(names[1], "/no/such/a-print-pdf.md");
    fl_doc_free(doc);
    /* a copy not indexed (the edited DOCX checked against the published
     * PDFs) is recognised by identity and fingerprints */
    char *edited = with_identity(P, O, "（报批稿）", body);
    doc = load("/no/such/a-final-docx.md", edited);
    assert_int_equal(fl_corpus_copies(&names, &n, c, doc, &a, &err), 0);
    assert_int_equal(n, 3);
    fl_doc_free(doc);
    /* the renamed whole copy, checked, is no copy of a */
    doc = load("/no/such/renamed2-docx.md", renamed);
    assert_int_equal(fl_corpus_copies(&names, &n, c, doc, &a, &err), 0);
    assert_int_equal(n, 1); /* renamed.docx itself: same text */
    assert_string_equal(names[0], "/no/such/renamed-docx.md");
    fl_doc_free(doc);
    fl_arena_free(&a);
    fl_corpus_close(c);
    free(edited);
    char *texts[] = {body, other, third, docx, pdf, pdf2, renamed, sibling, unnamed};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) free(texts[i]);
}

static void test_schema_v1(void **state)
{
    (void)state;
    fl_corpus_close(open_ok(FL_CORPUS_WRITE, NULL));
    sql_exec(dbpath, "DROP TABLE signatures; PRAGMA user_version = 1");
    open_fails(FL_CORPUS_READ, NULL, "schema version 1, this filinglint reads version 3: index the filings again");
    open_fails(FL_CORPUS_WRITE, NULL, "schema version 1");
}

/* A version-2 corpus has no groups of copies: its DOCX and PDF of one
 * filing would be compared with each other, so it is refused, untouched. */
static void test_schema_v2(void **state)
{
    (void)state;
    fl_corpus_close(open_ok(FL_CORPUS_WRITE, NULL));
    sql_exec(dbpath, "PRAGMA user_version = 2");
    open_fails(FL_CORPUS_READ, NULL, "schema version 2, this filinglint reads version 3: index the filings again");
    open_fails(FL_CORPUS_WRITE, NULL, "schema version 2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_params, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refuses_foreign, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_replace_sweep, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kind_and_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signatures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_v2, setup, teardown),
        cmocka_unit_test(test_identity),
        cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
