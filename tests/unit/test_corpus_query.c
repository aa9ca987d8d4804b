/* Unit tests for checker/corpus/query.c on fixtures/corpus/: a 报告表 whose
 * process description and monitoring results were copied from another
 * project's (numbers and punctuation changed) is found, with both
 * locations, from either side; honest filings that share only regulatory
 * wording are not flagged, by document frequency in a corpus of six or by
 * a boilerplate reference document in a corpus of two; a filing never
 * matches itself; the options change what is reported; and queries run in
 * several threads while another thread indexes. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "model/load.h"
#include "core/buf.h"
#include "corpus/index.h"
#include "corpus/query.h"
#include "input/input.h"

static char dir[512];
static char dbpath[600];

static const char *const filings[] = {
    "a-plastics-wuzhong.md", "b-plastics-wujin.md", "c-furniture-xiangcheng.md",
    "d-electronics-kunshan.md", "e-food-taicang.md", "f-coating-wujiang.md",
};

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/fl-corpusq-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) return -1;
    snprintf(dbpath, sizeof dbpath, "%s/c.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *suffix[] = {"", "-wal", "-shm"};
    char p[700];
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", dbpath, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

static fl_doc *load_fixture(const char *rel)
{
    const char *fx = getenv("FL_FIXTURES");
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", fx ? fx : "fixtures", rel);
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load(&doc, path, &err)) fail_msg("load %s: %s", path, err.message);
    return doc;
}

static fl_doc *load_memory(const char *name, const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, name, text, strlen(text), &err)) fail_msg("load %s: %s", name, err.message);
    return doc;
}

static void add_doc(fl_corpus *c, const fl_doc *doc, fl_corpus_kind kind)
{
    fl_corpus_entry e;
    fl_corpus_status st;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_entry_make(&e, doc, kind, fl_corpus_params(c), &err), 0);
    if (fl_corpus_store(c, &e, &st, &err)) fail_msg("store: %s", err.message);
    fl_corpus_entry_free(&e);
}

static void add(fl_corpus *c, const char *rel, fl_corpus_kind kind)
{
    fl_doc *doc = load_fixture(rel);
    add_doc(c, doc, kind);
    fl_doc_free(doc);
}

static void build(const char *const *names, size_t n)
{
    fl_corpus *c = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_open(&c, dbpath, FL_CORPUS_WRITE, NULL, &err)) fail_msg("open: %s", err.message);
    for (size_t i = 0; i < n; i++) add(c, names[i], FL_CORPUS_FILING);
    fl_corpus_close(c);
}

static fl_corpus *reader(void)
{
    fl_corpus *c = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_open(&c, dbpath, FL_CORPUS_READ, NULL, &err)) fail_msg("open: %s", err.message);
    return c;
}

typedef struct result {
    fl_arena arena;
    fl_doc *doc;
    fl_corpus_passage *p;
    size_t n;
} result;

static void find_doc(result *r, fl_corpus *c, fl_doc *doc, const fl_corpus_opts *o)
{
    fl_error err;
    fl_error_clear(&err);
    fl_arena_init(&r->arena);
    r->doc = doc;
    if (fl_corpus_find(&r->p, &r->n, c, doc, o, &r->arena, &err)) fail_msg("find: %s", err.message);
}

static void find(result *r, fl_corpus *c, const char *rel, const fl_corpus_opts *o)
{
    find_doc(r, c, load_fixture(rel), o);
}

static void result_free(result *r)
{
    fl_arena_free(&r->arena);
    fl_doc_free(r->doc);
}

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void assert_passage(const result *r, size_t i, int line, int col, int end_line, int end_col, int chars,
                           const char *other, int other_line, int other_end_line, int fps, int span_fps)
{
    assert_true(i < r->n);
    const fl_corpus_passage *p = &r->p[i];
    assert_int_equal(r->doc->blocks[p->block].line, line);
    assert_int_equal(p->col, col);
    assert_int_equal(r->doc->blocks[p->end_block].line, end_line);
    assert_int_equal(p->end_col, end_col);
    assert_int_equal(p->chars, chars);
    assert_string_equal(base(p->other_path), other);
    assert_int_equal(p->other_line, other_line);
    assert_int_equal(p->other_end_line, other_end_line);
    assert_int_equal(p->fingerprints, fps);
    assert_int_equal(p->span_fingerprints, span_fps);
}

static void test_copy_found_both_ways(void **state)
{
    (void)state;
    build(filings, 6);
    fl_corpus *c = reader();
    result r;
    /* b copied a's process description (line 25) and monitoring results
     * (line 35, with a's monitoring village left in) */
    find(&r, c, "b-plastics-wujin.md", NULL);
    assert_int_equal(r.n, 2);
    assert_passage(&r, 0, 25, 31, 25, 241, 210, "a-plastics-wuzhong.md", 25, 25, 15, 15);
    assert_passage(&r, 1, 35, 9, 39, 47, 247, "a-plastics-wuzhong.md", 35, 39, 11, 13);
    /* the copied text itself, in the original: 外购的废旧聚乙烯薄膜和聚丙烯编织袋… */
    const fl_block *b = &r.doc->blocks[r.p[0].block];
    assert_true(strstr(b->text, "湿式破碎机") != NULL);
    result_free(&r);
    find(&r, c, "a-plastics-wuzhong.md", NULL);
    assert_int_equal(r.n, 2);
    assert_passage(&r, 0, 25, 30, 25, 241, 211, "b-plastics-wujin.md", 25, 25, 15, 15);
    assert_passage(&r, 1, 35, 9, 35, 201, 192, "b-plastics-wujin.md", 35, 35, 10, 10);
    result_free(&r);
    fl_corpus_close(c);
}

/* c..f share three regulatory paragraphs with each other and with a and
 * b, inside project-specific sections; in more than 3 other filings they
 * are boilerplate. */
static void test_honest_not_flagged(void **state)
{
    (void)state;
    build(filings, 6);
    fl_corpus *c = reader();
    for (size_t i = 2; i < 6; i++) {
        result r;
        find(&r, c, filings[i], NULL);
        if (r.n) fail_msg("%s: %zu passages, first with %s", filings[i], r.n, r.p[0].other_path);
        result_free(&r);
    }
    fl_corpus_close(c);
}

/* In a corpus of two, frequency cannot tell boilerplate; a reference
 * document can. */
static void test_boilerplate_reference(void **state)
{
    (void)state;
    build(filings + 2, 2); /* c, d */
    fl_corpus *c = reader();
    result r;
    find(&r, c, "c-furniture-xiangcheng.md", NULL);
    assert_int_equal(r.n, 2); /* the regulatory paragraphs, shared with d */
    assert_string_equal(base(r.p[0].other_path), "d-electronics-kunshan.md");
    result_free(&r);
    fl_corpus *w = NULL;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_open(&w, dbpath, FL_CORPUS_WRITE, NULL, &err), 0);
    add(w, "reference/standard-wording.md", FL_CORPUS_BOILERPLATE);
    fl_corpus_close(w);
    /* the same reader sees the new document (its snapshot is refreshed) */
    find(&r, c, "c-furniture-xiangcheng.md", NULL);
    assert_int_equal(r.n, 0);
    result_free(&r);
    fl_corpus_close(c);
}

static char *file_text(const char *rel)
{
    fl_doc *doc = load_fixture(rel);
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < doc->nblocks; i++) {
        fl_buf_add(&b, doc->blocks[i].text, doc->blocks[i].len);
        fl_buf_addc(&b, '\n');
    }
    fl_doc_free(doc);
    return fl_buf_detach(&b);
}

static void test_never_self(void **state)
{
    (void)state;
    const char *ab[] = {filings[0], filings[1]};
    build(ab, 2);
    /* the same text under another name: same content hash */
    char *a_text = file_text(filings[0]);
    fl_doc *same = load_memory("elsewhere/a-renamed.md", a_text);
    fl_corpus *w = NULL;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_open(&w, dbpath, FL_CORPUS_WRITE, NULL, &err), 0);
    add_doc(w, same, FL_CORPUS_FILING);
    fl_corpus_close(w);
    fl_corpus *c = reader();
    result r;
    /* In a corpus this small nothing is boilerplate: one long passage per
     * pair, the whole shared body. */
    find(&r, c, filings[0], NULL); /* neither its own entry nor the renamed one */
    assert_int_equal(r.n, 1);
    assert_int_equal(r.p[0].chars, 936);
    for (size_t i = 0; i < r.n; i++) assert_string_equal(base(r.p[i].other_path), "b-plastics-wujin.md");
    result_free(&r);
    find_doc(&r, c, load_memory("elsewhere/a-renamed.md", a_text), NULL);
    assert_int_equal(r.n, 1);
    for (size_t i = 0; i < r.n; i++) assert_string_equal(base(r.p[i].other_path), "b-plastics-wujin.md");
    result_free(&r);
    /* b matches both copies of a at the same place: one filing, one passage */
    find(&r, c, filings[1], NULL);
    assert_int_equal(r.n, 1);
    assert_true(!strcmp(r.p[0].other_path, "elsewhere/a-renamed.md") ||
                !strcmp(base(r.p[0].other_path), "a-plastics-wuzhong.md"));
    result_free(&r);
    fl_corpus_close(c);
    fl_doc_free(same);
    free(a_text);
}

static void test_options(void **state)
{
    (void)state;
    build(filings, 6);
    fl_corpus *c = reader();
    fl_corpus_opts o;
    result r;
    fl_corpus_opts_init(&o);
    o.min_chars = 240; /* only the 247-character passage */
    find(&r, c, filings[1], &o);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.p[0].chars, 247);
    result_free(&r);
    fl_corpus_opts_init(&o);
    o.min_support = 1.0; /* only the passage whose every fingerprint is shared */
    find(&r, c, filings[1], &o);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.p[0].fingerprints, 15);
    result_free(&r);
    fl_corpus_opts_init(&o);
    const char *const only[] = {"结论"};
    o.sections = only;
    o.nsections = 1;
    find(&r, c, filings[1], &o);
    assert_int_equal(r.n, 0);
    result_free(&r);
    fl_corpus_opts_init(&o);
    o.boilerplate_min = 0;
    o.boilerplate_share = 0; /* every fingerprint in another filing is boilerplate */
    find(&r, c, filings[1], &o);
    assert_int_equal(r.n, 0);
    result_free(&r);
    fl_corpus_opts_init(&o);
    o.boilerplate_min = 10; /* nothing is boilerplate in six filings */
    find(&r, c, "c-furniture-xiangcheng.md", &o);
    assert_true(r.n >= 4); /* the regulatory paragraphs, with each other filing */
    result_free(&r);
    fl_corpus_close(c);
}

/* ---- threads --------------------------------------------------------------- */

enum { EXTRA = 24, ROUNDS = 12 };

static void *write_many(void *arg)
{
    (void)arg;
    fl_corpus *w = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_open(&w, dbpath, FL_CORPUS_WRITE, NULL, &err)) return (void *)1;
    for (int i = 0; i < EXTRA; i++) {
        if (i % 4 == 0 && fl_corpus_begin(w, &err)) return (void *)2;
        fl_buf b = FL_BUF_INIT;
        unsigned seed = (unsigned)i + 100;
        fl_buf_adds(&b, "## 二、建设项目工程分析\n\n");
        for (int k = 0; k < 4000; k++) {
            seed = seed * 1103515245u + 12345u;
            fl_buf_addcp(&b, 0x4E00 + (seed >> 16) % 3000);
            if (k % 60 == 59) fl_buf_adds(&b, "。\n");
        }
        char name[64];
        snprintf(name, sizeof name, "/no/such/extra-%02d.md", i);
        fl_doc *doc = load_memory(name, b.data);
        fl_corpus_entry e;
        fl_corpus_status st;
        fl_corpus_entry_make(&e, doc, FL_CORPUS_FILING, fl_corpus_params(w), &err);
        int rc = fl_corpus_store(w, &e, &st, &err);
        fl_corpus_entry_free(&e);
        fl_doc_free(doc);
        fl_buf_free(&b);
        if (rc) return (void *)3;
        if (i % 4 == 3 && fl_corpus_commit(w, &err)) return (void *)4;
    }
    fl_corpus_close(w);
    return NULL;
}

static void *query_many(void *arg)
{
    fl_doc *doc = arg;
    fl_corpus *c = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_open(&c, dbpath, FL_CORPUS_READ, NULL, &err)) return (void *)1;
    for (int i = 0; i < ROUNDS; i++) {
        fl_arena a;
        fl_arena_init(&a);
        fl_corpus_passage *p;
        size_t n;
        int rc = fl_corpus_find(&p, &n, c, doc, NULL, &a, &err);
        bool ok = rc == 0 && n == 2 && !strcmp(base(p[0].other_path), "a-plastics-wuzhong.md");
        fl_arena_free(&a);
        if (!ok) {
            fl_corpus_close(c);
            return (void *)2;
        }
    }
    fl_corpus_close(c);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    build(filings, 6);
    fl_doc *b = load_fixture(filings[1]); /* read-only, shared by the readers */
    pthread_t wt, rt[2];
    void *res;
    assert_int_equal(pthread_create(&wt, NULL, write_many, NULL), 0);
    for (int i = 0; i < 2; i++) assert_int_equal(pthread_create(&rt[i], NULL, query_many, b), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(rt[i], &res);
        assert_null(res);
    }
    pthread_join(wt, &res);
    assert_null(res);
    fl_corpus *c = reader();
    fl_corpus_stats s;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_corpus_stats_get(c, &s, &err), 0);
    assert_int_equal(s.filings, 6 + EXTRA);
    fl_corpus_close(c);
    fl_doc_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_copy_found_both_ways, setup, teardown),
        cmocka_unit_test_setup_teardown(test_honest_not_flagged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_boilerplate_reference, setup, teardown),
        cmocka_unit_test_setup_teardown(test_never_self, setup, teardown),
        cmocka_unit_test_setup_teardown(test_options, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
