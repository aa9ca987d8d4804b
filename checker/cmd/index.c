/* `filinglint index --corpus DB PATH...`: add filings to the similarity
 * corpus of EIA303 (checker/corpus/). Folders are walked like `check` does.
 * Worker threads read and fingerprint the files; this thread alone writes,
 * in input order, so the database sees one writer and the output is stable.
 *
 * Also, for inspecting a corpus: --list prints what it holds, and --query
 * prints the passages each PATH shares with it (what `check --corpus`
 * reports as EIA303), without running any rule.
 *
 * Exit status: 0 done, 2 bad usage, an unreadable input (the others are
 * still indexed) or a database that cannot be opened or written. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "model/load.h"
#include "cmd/cmd.h"
#include "cmd/strlist.h"
#include "cmd/walk.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "corpus/index.h"
#include "corpus/query.h"
#include "input/input.h"
#include "rules/sigtable.h"
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

typedef struct index_opts {
    const char *db;
    fl_strlist inputs;
    int jobs;
    bool boilerplate, query, list, quiet, timing, has_params;
    fl_fp_params params;
    fl_corpus_opts qopts;
} index_opts;

enum { OPT_CORPUS = 256, OPT_BOILERPLATE, OPT_GRAM, OPT_WINDOW, OPT_QUERY, OPT_LIST, OPT_MIN_CHARS,
       OPT_SHARE, OPT_WHOLE, OPT_TIMING, OPT_SUPPORT, OPT_MISS };

static const struct option long_opts[] = {
    {"corpus", required_argument, NULL, OPT_CORPUS},
    {"jobs", required_argument, NULL, 'j'},
    {"boilerplate", no_argument, NULL, OPT_BOILERPLATE},
    {"gram", required_argument, NULL, OPT_GRAM},
    {"window", required_argument, NULL, OPT_WINDOW},
    {"query", no_argument, NULL, OPT_QUERY},
    {"list", no_argument, NULL, OPT_LIST},
    {"min-chars", required_argument, NULL, OPT_MIN_CHARS},
    {"boilerplate-share", required_argument, NULL, OPT_SHARE},
    {"whole-document", no_argument, NULL, OPT_WHOLE},
    {"min-support", required_argument, NULL, OPT_SUPPORT},
    {"max-miss", required_argument, NULL, OPT_MISS},
    {"timing", no_argument, NULL, OPT_TIMING},
    {"quiet", no_argument, NULL, 'q'},
    {"ocr", no_argument, NULL, FL_OPT_OCR},
    {"lang", required_argument, NULL, FL_OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int usage(void)
{
    printf(fl_tr(FL_M_INDEX_USAGE), FL_FP_GRAM_DEFAULT, FL_FP_WINDOW_DEFAULT, FL_CORPUS_MIN_CHARS,
           FL_CORPUS_BOILERPLATE_SHARE, FL_CORPUS_BOILERPLATE_MIN, FL_CORPUS_MIN_SUPPORT, FL_CORPUS_MAX_MISS);
    return 0;
}

static int parse_int(const char *s, const char *name, int lo, int hi, int *out)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < lo || n > hi)
        return fl_cmd_usage_error(fl_tr(FL_M_INDEX_RANGE), name, lo, hi, s);
    *out = (int)n;
    return -1;
}

/* Returns -1 to continue, else an exit status. */
static int parse_args(index_opts *o, int argc, char **argv)
{
    int c, rc;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = ncpu > 0 ? (int)(ncpu < 64 ? ncpu : 64) : 1;
    fl_fp_params_default(&o->params);
    fl_corpus_opts_init(&o->qopts);
    optind = 0; /* glibc: full re-initialisation */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":j:qh", long_opts, NULL)) != -1) {
        switch (c) {
        case OPT_CORPUS: o->db = optarg; break;
        case 'j': if ((rc = parse_int(optarg, "--jobs", 1, 1024, &o->jobs)) >= 0) return rc; break;
        case OPT_BOILERPLATE: o->boilerplate = true; break;
        case OPT_GRAM:
            if ((rc = parse_int(optarg, "--gram", 1, FL_FP_GRAM_MAX, &o->params.gram)) >= 0) return rc;
            o->has_params = true;
            break;
        case OPT_WINDOW:
            if ((rc = parse_int(optarg, "--window", 1, FL_FP_WINDOW_MAX, &o->params.window)) >= 0) return rc;
            o->has_params = true;
            break;
        case OPT_QUERY: o->query = true; break;
        case OPT_LIST: o->list = true; break;
        case OPT_MIN_CHARS:
            if ((rc = parse_int(optarg, "--min-chars", 1, 1000000, &o->qopts.min_chars)) >= 0) return rc;
            break;
        case OPT_SHARE: {
            char *end;
            double v = strtod(optarg, &end);
            if (!*optarg || *end || !(v > 0 && v <= 1))
                return fl_cmd_usage_error(fl_tr(FL_M_INDEX_SHARE), optarg);
            o->qopts.boilerplate_share = v;
            break;
        }
        case OPT_WHOLE: o->qopts.whole_document = true; break;
        case OPT_MISS:
            if ((rc = parse_int(optarg, "--max-miss", 0, 1000, &o->qopts.max_miss)) >= 0) return rc;
            break;
        case OPT_SUPPORT: {
            char *end;
            double v = strtod(optarg, &end);
            if (!*optarg || *end || !(v >= 0 && v <= 1))
                return fl_cmd_usage_error(fl_tr(FL_M_INDEX_SUPPORT), optarg);
            o->qopts.min_support = v;
            break;
        }
        case OPT_TIMING: o->timing = true; break;
        case 'q': o->quiet = true; break;
        case FL_OPT_LANG:
            if ((rc = fl_cmd_lang_option(optarg)) >= 0) return rc;
            break;
        case FL_OPT_OCR:
            if ((rc = fl_cmd_ocr_option()) >= 0) return rc;
            break;
        case 'h': return usage();
        case ':': return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[optind - 1]);
        default: return fl_cmd_unknown_option(argv, long_opts);
        }
    }
    for (int i = optind; i < argc; i++) fl_strlist_push(&o->inputs, argv[i]);
    if (!o->db) return fl_cmd_usage_error("%s", fl_tr(FL_M_INDEX_NEEDS_DB));
    if (!o->list && !o->inputs.n) return fl_cmd_usage_error("%s", fl_tr(FL_M_NO_INPUT));
    if (o->query && o->boilerplate) return fl_cmd_usage_error("%s", fl_tr(FL_M_INDEX_QUERY_BP));
    return -1;
}

/* ---- the worker pool ------------------------------------------------------- */

typedef struct job {
    const char *path;
    bool skip;             /* index: known unchanged, not read */
    bool done;
    int rc;
    fl_error err;
    fl_corpus_entry entry; /* index */
    char *report;          /* query: the lines to print */
    size_t passages;       /* query: how many of them are passages */
    double read_ms, query_ms;
} job;

typedef struct pool {
    const index_opts *o;
    const fl_fp_params *params;
    job *jobs;
    size_t njobs, next, consumed, ahead;
    pthread_mutex_t mu;
    pthread_cond_t done, room;
} pool;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void report_passages(fl_buf *b, const fl_doc *doc, const fl_corpus_passage *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fl_buf_printf(b, fl_tr(FL_M_INDEX_PASSAGE),
                      doc->path, doc->blocks[p[i].block].line, p[i].col, doc->blocks[p[i].end_block].line,
                      p[i].end_col, p[i].chars, p[i].other_path, p[i].other_line, p[i].other_end_line,
                      p[i].fingerprints, p[i].span_fingerprints);
}

/* The copies of the filing the corpus holds (a DOCX and its PDF): they
 * count as the filing itself, so say which were left out. */
static void report_copies(fl_buf *b, const fl_doc *doc, const char **names, size_t n)
{
    if (!n) return;
    fl_buf list = FL_BUF_INIT;
    for (size_t i = 0; i < n; i++) fl_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
    fl_buf_printf(b, fl_tr(FL_M_INDEX_COPIES), doc->path, list.data, n == 1 ? "it" : "them");
    fl_buf_free(&list);
}

static void run_job(pool *pl, job *j, fl_corpus *reader)
{
    fl_doc *doc = NULL;
    double t0 = now_ms();
    if (j->skip) return;
    if ((j->rc = fl_doc_load(&doc, j->path, &j->err))) return;
    j->read_ms = now_ms() - t0;
    if (!pl->o->query) {
        fl_corpus_kind kind = pl->o->boilerplate ? FL_CORPUS_BOILERPLATE : FL_CORPUS_FILING;
        j->rc = fl_corpus_entry_make(&j->entry, doc, kind, pl->params, &j->err);
        if (!j->rc && kind == FL_CORPUS_FILING) fl_sigtable_add_to_entry(&j->entry, doc);
    } else {
        fl_arena a;
        fl_corpus_passage *p;
        size_t n;
        fl_buf b = FL_BUF_INIT;
        fl_arena_init(&a);
        t0 = now_ms();
        const char **copies;
        size_t ncopies;
        j->rc = fl_corpus_copies(&copies, &ncopies, reader, doc, &a, &j->err);
        if (!j->rc) j->rc = fl_corpus_find(&p, &n, reader, doc, &pl->o->qopts, &a, &j->err);
        j->query_ms = now_ms() - t0;
        if (!j->rc) report_copies(&b, doc, copies, ncopies);
        if (!j->rc) report_passages(&b, doc, p, n);
        if (!j->rc) j->passages = n;
        j->report = fl_buf_detach(&b);
        fl_arena_free(&a);
    }
    fl_doc_free(doc);
}

/* Workers stay at most `ahead` files in front of the writer, which bounds
 * the fingerprints held in memory. */
static void *worker(void *arg)
{
    pool *pl = arg;
    fl_corpus *reader = NULL;
    fl_error err = {0};
    if (pl->o->query && fl_corpus_open(&reader, pl->o->db, FL_CORPUS_READ, NULL, &err)) reader = NULL;
    for (;;) {
        pthread_mutex_lock(&pl->mu);
        while (pl->next < pl->njobs && pl->next >= pl->consumed + pl->ahead) pthread_cond_wait(&pl->room, &pl->mu);
        if (pl->next >= pl->njobs) {
            pthread_mutex_unlock(&pl->mu);
            break;
        }
        job *j = &pl->jobs[pl->next++];
        pthread_mutex_unlock(&pl->mu);
        if (pl->o->query && !reader) {
            j->rc = -1;
            j->err = err;
        } else {
            run_job(pl, j, reader);
        }
        pthread_mutex_lock(&pl->mu);
        j->done = true;
        pthread_cond_broadcast(&pl->done);
        pthread_mutex_unlock(&pl->mu);
    }
    fl_corpus_close(reader);
    return NULL;
}

typedef struct tally { size_t added, replaced, unchanged, failed, passages; } tally;

static int print_error(const fl_error *err)
{
    fl_error_print(err);
    return 0;
}

/* This thread's part: store (or print) each job in input order. Returns
 * -1 when the database failed, which stops the run. */
static int consume(pool *pl, job *j, fl_corpus *c, tally *t)
{
    fl_corpus_status st = FL_CORPUS_UNCHANGED;
    if (j->rc) {
        print_error(&j->err);
        t->failed++;
        return j->err.code == FL_E_CORPUS ? -1 : 0;
    }
    if (pl->o->query) {
        fputs(j->report, stdout);
        t->passages += j->passages;
        if (pl->o->timing) fprintf(stderr, fl_tr(FL_M_INDEX_TIMING), j->path, j->read_ms, j->query_ms);
        return 0;
    }
    if (!j->skip && fl_corpus_store(c, &j->entry, &st, &j->err)) {
        print_error(&j->err);
        t->failed++;
        return -1;
    }
    t->added += st == FL_CORPUS_ADDED;
    t->replaced += st == FL_CORPUS_REPLACED;
    t->unchanged += st == FL_CORPUS_UNCHANGED;
    return 0;
}

static int run_pool(const index_opts *o, fl_corpus *c, job *jobs, size_t njobs, tally *t)
{
    pool pl = {.o = o, .params = fl_corpus_params(c), .jobs = jobs, .njobs = njobs,
               .ahead = (size_t)o->jobs * 4 < 256 ? 256 : (size_t)o->jobs * 4};
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.done, NULL);
    pthread_cond_init(&pl.room, NULL);
    int nthreads = o->jobs < (int)njobs ? o->jobs : (int)njobs, rc = 0;
    pthread_t *th = fl_xcalloc((size_t)nthreads, sizeof *th);
    for (int i = 0; i < nthreads; i++) pthread_create(&th[i], NULL, worker, &pl);
    for (size_t i = 0; i < njobs; i++) {
        pthread_mutex_lock(&pl.mu);
        while (!jobs[i].done) pthread_cond_wait(&pl.done, &pl.mu);
        pthread_mutex_unlock(&pl.mu);
        if (!rc && consume(&pl, &jobs[i], c, t)) rc = -1;
        fl_corpus_entry_free(&jobs[i].entry);
        free(jobs[i].report);
        jobs[i].report = NULL;
        pthread_mutex_lock(&pl.mu);
        pl.consumed = i + 1;
        pthread_cond_broadcast(&pl.room);
        pthread_mutex_unlock(&pl.mu);
    }
    for (int i = 0; i < nthreads; i++) pthread_join(th[i], NULL);
    free(th);
    pthread_cond_destroy(&pl.room);
    pthread_cond_destroy(&pl.done);
    pthread_mutex_destroy(&pl.mu);
    return rc;
}

/* Unchanged files (same canonical path, size and modification time) are
 * not read again. */
static void mark_known(fl_corpus *c, job *jobs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        char *canon = realpath(jobs[i].path, NULL);
        if (canon && stat(canon, &st) == 0 && S_ISREG(st.st_mode))
            jobs[i].skip = fl_corpus_known(c, canon, (int64_t)st.st_size,
                                           (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec);
        free(canon);
    }
}

/* ---- --list ---------------------------------------------------------------- */

static int print_row(void *ctx, const fl_corpus_docrow *r)
{
    (void)ctx;
    printf(fl_tr(FL_M_INDEX_ROW), r->name, fl_tr(r->kind == FL_CORPUS_BOILERPLATE ? FL_M_INDEX_BOILERPLATE : FL_M_INDEX_FILING),
           (long long)r->n_units,
           (long long)r->n_fingerprints, r->indexed);
    if (r->same && *r->same) printf(fl_tr(FL_M_INDEX_SAME), r->same);
    putchar('\n');
    return 0;
}

static void print_summary(const index_opts *o, fl_corpus *c, const tally *t)
{
    fl_corpus_stats s;
    fl_error err = {0};
    if (o->quiet) return;
    if (o->query) {
        fprintf(stderr, fl_tr(FL_M_INDEX_PASSAGES), t->passages, t->passages == 1 ? "" : "s");
        return;
    }
    if (fl_corpus_stats_get(c, &s, &err)) return;
    printf(fl_tr(FL_M_INDEX_SUMMARY), o->db, t->added, t->replaced, t->unchanged, t->failed, (long long)s.filings,
           (long long)s.boilerplate, (long long)s.fingerprints, (double)s.bytes / 1e6);
}

int fl_cmd_index(int argc, char **argv)
{
    index_opts o = {0};
    fl_strlist files = {0};
    fl_corpus *c = NULL;
    job *jobs = NULL;
    tally t = {0};
    fl_error err = {0};
    int status = parse_args(&o, argc, argv);
    if (status >= 0) goto cleanup;
    status = 2;
    fl_corpus_mode mode = o.query || o.list ? FL_CORPUS_READ : FL_CORPUS_WRITE;
    if (fl_corpus_open(&c, o.db, mode, o.has_params ? &o.params : NULL, &err)) {
        print_error(&err);
        goto cleanup;
    }
    if (o.list) {
        status = fl_corpus_list(c, print_row, NULL, &err) ? (print_error(&err), 2) : 0;
        goto cleanup;
    }
    fl_walk_inputs(&files, o.inputs.v, o.inputs.n, NULL);
    jobs = fl_xcalloc(files.n ? files.n : 1, sizeof *jobs);
    for (size_t i = 0; i < files.n; i++) jobs[i].path = files.v[i];
    if (!o.query) {
        mark_known(c, jobs, files.n);
        if (fl_corpus_begin(c, &err)) {
            print_error(&err);
            goto cleanup;
        }
    }
    if (run_pool(&o, c, jobs, files.n, &t)) goto cleanup;
    if (!o.query && (fl_corpus_commit(c, &err) || fl_corpus_sweep(c, &err))) {
        print_error(&err);
        goto cleanup;
    }
    print_summary(&o, c, &t);
    status = t.failed ? 2 : 0;
cleanup:
    fl_corpus_close(c);
    free(jobs);
    fl_strlist_free(&files);
    fl_strlist_free(&o.inputs);
    return status;
}
