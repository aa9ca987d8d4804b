/* `filinglint check`: lint files and folders, report in the chosen format,
 * exit with docs/cli.md's status: 0 clean, 1 a finding at or above --fail-on,
 * 2 bad usage or an input that could not be read (or a rule skipped on a file
 * after hitting a pattern limit: that file was not fully checked; or an
 * annotated copy that could not be written; or no filing found, or an output
 * refused or not opened), taking precedence over 1, 3 an invalid ruleset, an
 * internal error or an output that failed while being written.
 *
 * The run: settings (command line over .filinglint.xml, check_settings.h), rulesets
 * loaded once and shared read-only, then the files linted on -j worker
 * threads (cmd/pool.c), each with its own fl_lint. A worker reads a file,
 * lints it, fingerprints the findings (rules/baseline.c) and applies the
 * file's own suppressions (rules/suppress.c); the main thread then takes the
 * files in sorted path order, drops findings that a sibling file answers
 * (fl_finding.unless_sibling: it waits until the doc types of the file's
 * folder are known), records or hides baseline findings, and hands the file
 * to the reporter. So the output is the same for any -j, and memory holds
 * the findings of the files waiting their turn, not their documents (a
 * format that shows document text gets the document re-read if it was
 * dropped while waiting).
 *
 * stderr: one line per file that cannot be read ("path: message"), the
 * document's reading notices ("path: note: message", not with -q), rules
 * skipped on a file, and a progress line on a TTY. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "model/load.h"
#include "cmd/check_settings.h"
#include "input/readers.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/pool.h"
#include "cmd/walk.h"
#include "corpus/index.h"
#include "input/input.h"
#include "report/annotate.h"
#include "report/report.h"
#include "rules/baseline.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "rules/suppress.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/tame.h"
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* The messages' formats are rows of core/i18n.def. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* ---- output ---------------------------------------------------------------- */

static bool want_color(const fl_check_settings *s)
{
    if (!strcmp(s->color, "always")) return true;
    if (!strcmp(s->color, "never") || s->output) return false;
    const char *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !getenv("NO_COLOR") && !(term && !strcmp(term, "dumb"));
}

/* ---- the run ---------------------------------------------------------------- */

typedef struct job {
    const char *path;
    size_t folder;
    bool loaded;          /* read; res is valid */
    fl_doc *doc;          /* kept only when the format shows documents */
    fl_result res;
    fl_error err;         /* when not loaded */
    char *notes;          /* stderr lines for this file, printed when it is reported */
    bool waits;           /* a finding waits for the folder's doc types */
    char *copy_name;      /* artifact: the copy's name when the base name is taken, else NULL */
} job;

typedef struct typed { size_t job; char *type; } typed;
typedef struct folder {
    char *key;
    size_t pending;       /* files of the folder not finished yet */
    typed *types; size_t ntypes, cap_types;
} folder;

typedef struct run_ctx {
    const fl_check_settings *s;
    const fl_rules *rules;
    const unsigned char *mask;
    fl_lint **lints;
    job *jobs; size_t njobs;
    folder *folders; size_t nfolders, cap_folders;
    bool need_doc;
    const fl_artifact *artifact; /* written per file into artifact_dir, or NULL */
    const char *artifact_dir;
    size_t docwin;
    const fl_reporter *rep;
    void *state;
    fl_summary sum;
    bool all_read, artifact_failed;
    fl_baseline *known, *record;
    size_t hidden;
    bool progress;
    fl_readset *reads;    /* what the run reads: no annotated copy goes over one */
} run_ctx;

/* The lists hold ids and prefixes, split when the settings were read. */
static bool listed(const char *id, char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strncmp(id, items[i], strlen(items[i]))) return true;
    return false;
}

static bool selected(const char *id, const fl_file_selection *sel)
{
    return (!sel->nselect || listed(id, sel->select, sel->nselect)) && !listed(id, sel->ignore, sel->nignore);
}

static bool builtin_prefix(const char *p, size_t len)
{
    for (int i = 0; i < FL_LINT_COUNT; i++)
        if (!strncmp(fl_suppress_rules[i].id, p, len)) return true;
    return false;
}

static void warn_unused(const fl_rules *rules, const fl_strlist *sel, const char *opt)
{
    for (size_t i = 0; i < sel->n; i++) {
        const char *p = sel->v[i];
        size_t len = strlen(p);
        if (!fl_rules_prefix_used(rules, p, len) && !builtin_prefix(p, len)) {
            char id[64], near[200];
            snprintf(id, sizeof id, "%.*s", (int)len, p);
            fl_cmd_near_rules(rules, id, near, sizeof near);
            fputs(fl_tr(FL_M_WARNING_PREFIX), stderr);
            fprintf(stderr, fl_tr(FL_M_MATCHES_NO_RULE), opt, id, near);
        }
    }
}

static void progress_clear(run_ctx *c)
{
    if (!c->progress) return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
}

static void progress_show(run_ctx *c, size_t i)
{
    if (!c->progress || i >= c->njobs) return;
    char name[1024]; /* a file name may hold ESC or a bidi control */
    snprintf(name, sizeof name, "%s", c->jobs[i].path);
    fl_tame_str(name, sizeof name, false);
    fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, c->njobs, name);
    fflush(stderr);
}

/* Folder of a path: its directory with links resolved when it exists, so
 * that "a.md" and "./b.md" are siblings. */
static size_t folder_of(run_ctx *c, const char *path)
{
    char dir[PATH_MAX], key[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (!realpath(dir, key)) snprintf(key, sizeof key, "%s", dir);
    for (size_t i = c->nfolders; i-- > 0;)
        if (!strcmp(c->folders[i].key, key)) return i;
    FL_VEC_RESERVE(c->folders, c->cap_folders, c->nfolders + 1);
    folder *f = &c->folders[c->nfolders];
    memset(f, 0, sizeof *f);
    f->key = fl_xstrdup(key);
    return c->nfolders++;
}

/* A reader's notices are worded in English where they are made: said here
 * in the language of the run. */
static void collect_notes(run_ctx *c, job *j, const fl_doc *doc)
{
    fl_buf b = FL_BUF_INIT, t = FL_BUF_INIT;
    for (size_t i = 0; !c->s->quiet && i < doc->nnotices; i++) {
        fl_buf_clear(&t);
        fl_buf_printf(&b, fl_tr(FL_M_NOTE), j->path, fl_tr_text(fl_lang_get(), doc->notices[i].message, &t));
    }
    fl_buf_free(&t);
    for (size_t i = 0; i < j->res.nerrors; i++) fl_buf_printf(&b, "%s\n", j->res.errors[i].message);
    j->notes = b.len ? fl_buf_detach(&b) : NULL;
    fl_buf_free(&b);
}

static void lint_file(run_ctx *c, fl_lint *lint, job *j, fl_doc *doc)
{
    fl_file_selection sel;
    fl_check_file_selection(c->s, j->path, &sel);
    unsigned char *own = sel.overridden ? fl_lint_select(c->rules, sel.select, sel.nselect, sel.ignore, sel.nignore) : NULL;
    const unsigned char *mask = own ? own : c->mask;
    fl_lint_opts lo = {.doc_type = sel.doc_type, .has_as_of = c->s->has_as_of, .as_of = c->s->as_of, .enabled = mask,
                     .corpus = c->s->corpus};
    fl_result_init(&j->res);
    fl_lint_run(lint, doc, &lo, &j->res);
    fl_baseline_fingerprint(&j->res);
    fl_suppress_opts so = {.rules = c->rules, .enabled = mask, .doc_type = j->res.doc_type};
    for (int k = 0; k < FL_LINT_COUNT; k++) so.report[k] = selected(fl_suppress_rules[k].id, &sel);
    fl_suppress_apply(doc, &j->res, &so);
    fl_baseline_fingerprint(&j->res); /* the LINT findings it added */
    for (size_t k = 0; k < j->res.nfindings; k++)
        if (j->res.findings[k].unless_sibling) j->waits = true;
    free(own);
    fl_file_selection_free(&sel);
}

static void work(void *ctx, fl_pool *pool, size_t worker, size_t i)
{
    run_ctx *c = ctx;
    job *j = &c->jobs[i];
    fl_doc *doc = NULL;
    fl_error_clear(&j->err);
    if (fl_doc_load(&doc, j->path, &j->err)) return;
    j->loaded = true;
    lint_file(c, c->lints[worker], j, doc);
    collect_notes(c, j, doc);
    if (c->need_doc && fl_pool_ahead(pool, i) < c->docwin) j->doc = doc;
    else fl_doc_free(doc);
}

/* Under the pool's lock. */
static void done(void *ctx, size_t i)
{
    run_ctx *c = ctx;
    job *j = &c->jobs[i];
    folder *f = &c->folders[j->folder];
    f->pending--;
    if (j->loaded && j->res.doc_type) {
        FL_VEC_RESERVE(f->types, f->cap_types, f->ntypes + 1);
        f->types[f->ntypes++] = (typed){i, fl_xstrdup(j->res.doc_type)};
    }
}

static bool sibling_of_type(const folder *f, size_t self, const char *type)
{
    for (size_t k = 0; k < f->ntypes; k++)
        if (f->types[k].job != self && !strcmp(f->types[k].type, type)) return true;
    return false;
}

/* Under the pool's lock: can every unless_sibling finding of job i be
 * decided? If so, drop those that a sibling answers. */
static bool ready(void *ctx, size_t i)
{
    run_ctx *c = ctx;
    job *j = &c->jobs[i];
    if (!j->waits) return true;
    const folder *f = &c->folders[j->folder];
    for (size_t k = 0; k < j->res.nfindings; k++) {
        const char *t = j->res.findings[k].unless_sibling;
        if (t && !sibling_of_type(f, i, t) && f->pending) return false;
    }
    size_t kept = 0;
    for (size_t k = 0; k < j->res.nfindings; k++) {
        const fl_finding *g = &j->res.findings[k];
        if (!g->unless_sibling || !sibling_of_type(f, i, g->unless_sibling)) j->res.findings[kept++] = *g;
    }
    j->res.nfindings = kept;
    j->waits = false;
    return true;
}

static void hide_known(run_ctx *c, job *j)
{
    size_t kept = 0;
    for (size_t k = 0; k < j->res.nfindings; k++) {
        const fl_finding *f = &j->res.findings[k];
        if (c->record) fl_baseline_add(c->record, j->path, f);
        if (fl_baseline_has(c->known, j->path, f)) c->hidden++;
        else j->res.findings[kept++] = *f;
    }
    j->res.nfindings = kept;
}

static const char ROLE_INPUT[] = "an input of this run";
static const char ROLE_BASELINE[] = "the --baseline this run reads";
static const char ROLE_CORPUS[] = "the --corpus this run reads";
static const char ROLE_CONFIG[] = "the configuration file of this run";
static const char ROLE_RULESET[] = "a ruleset this run loads";
static const char ROLE_REPORT[] = "the -o report";
static const char ROLE_BASELINE_OUT[] = "the --write-baseline file";

/* A role as said to people (the constants are compared by address). */
static const char *role_text(const char *role)
{
    static const struct { const char *role; fl_msg text; } roles[] = {
        {ROLE_INPUT, FL_M_ROLE_INPUT},       {ROLE_BASELINE, FL_M_ROLE_BASELINE}, {ROLE_CORPUS, FL_M_ROLE_CORPUS},
        {ROLE_CONFIG, FL_M_ROLE_CONFIG},     {ROLE_RULESET, FL_M_ROLE_RULESET},   {ROLE_REPORT, FL_M_ROLE_REPORT},
        {ROLE_BASELINE_OUT, FL_M_ROLE_BASELINE_OUT},
    };
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (roles[i].role == role) return fl_tr(roles[i].text);
    return role;
}

/* Copies are checked against the files the run reads here, where the whole
 * list is known: DIR/报告.docx may be another input, not yet read. */
static bool copy_allowed(run_ctx *c, job *j, fl_error *err)
{
    const char *base = j->copy_name;
    if (!base) {
        base = strrchr(j->path, '/');
        base = base ? base + 1 : j->path;
    }
    size_t dl = strlen(c->artifact_dir);
    fl_buf b = FL_BUF_INIT;
    fl_buf_printf(&b, "%s%s%s", c->artifact_dir, dl && c->artifact_dir[dl - 1] == '/' ? "" : "/", base);
    const char *role = fl_readset_find(c->reads, b.data);
    struct stat in, to; /* the file's own input: annotate.c says "the input itself" */
    if (role && stat(b.data, &to) == 0 && stat(j->path, &in) == 0 && in.st_dev == to.st_dev && in.st_ino == to.st_ino)
        role = NULL;
    if (role) {
        fl_error_setf(err, FL_E_ANNOTATE, fl_tr(FL_M_IS_ROLE), b.data, role_text(role));
        snprintf(err->file, sizeof err->file, "%s", j->path);
    }
    fl_buf_free(&b);
    return role == NULL;
}

static void write_artifact(run_ctx *c, job *j, const fl_doc *doc)
{
    fl_error err;
    fl_error_clear(&err);
    if (!doc && c->artifact->needs_doc) return;
    if (copy_allowed(c, j, &err) && c->artifact->write(c->artifact_dir, j->path, j->copy_name, doc, &j->res, &err) == 0) {
        if (j->copy_name && !c->s->quiet) {
            char path[1024], copy[1024];
            snprintf(path, sizeof path, "%s", j->path);
            snprintf(copy, sizeof copy, "%s", j->copy_name);
            fl_tame_str(path, sizeof path, false);
            fl_tame_str(copy, sizeof copy, false);
            progress_clear(c);
            fprintf(stderr, fl_tr(FL_M_COPY_RENAMED), path, copy);
        }
        return;
    }
    progress_clear(c);
    fl_error_print(&err);
    c->artifact_failed = true;
    /* the file was checked but its copy is missing: a failed file to
     * every format's summary, told apart in the text one */
    c->sum.failed_files++;
    c->sum.failed_copies++;
}

static void emit(void *ctx, size_t i)
{
    run_ctx *c = ctx;
    job *j = &c->jobs[i];
    fl_file_report fr = {.path = j->path};
    if (!j->loaded) {
        progress_clear(c);
        fl_error_print(&j->err);
        fr.error = &j->err;
        c->rep->file(c->state, &fr);
        fl_summary_add(&c->sum, &fr);
        c->all_read = false;
        progress_show(c, i + 1);
        return;
    }
    if (j->notes) {
        progress_clear(c);
        fputs(j->notes, stderr);
    }
    if (j->res.nerrors) c->all_read = false;
    hide_known(c, j);
    fl_doc *doc = j->doc;
    if (!doc && c->need_doc) { /* dropped while it waited: read it again */
        fl_error err;
        if (fl_doc_load(&doc, j->path, &err)) doc = NULL;
    }
    fr.result = &j->res;
    fr.doc = doc;
    progress_clear(c); /* stdout may be the same terminal */
    c->rep->file(c->state, &fr);
    if (c->artifact) write_artifact(c, j, doc);
    fl_summary_add(&c->sum, &fr);
    fl_doc_free(doc);
    j->doc = NULL;
    fl_result_free(&j->res);
    free(j->notes);
    j->notes = NULL;
    progress_show(c, i + 1);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool name_taken(const run_ctx *c, size_t upto, const char *name)
{
    for (size_t k = 0; k < c->njobs; k++)
        if (!strcmp(base_name(c->jobs[k].path), name) || (k < upto && c->jobs[k].copy_name &&
                                                           !strcmp(c->jobs[k].copy_name, name)))
            return true;
    return false;
}

/* An artifact (--annotate) is DIR/<base name>: two inputs a/报告.docx and b/报告.docx
 * would overwrite each other, so the later ones become 报告-2.docx, … in
 * input order (the same names on every run). Quadratic in the inputs, which
 * stays small next to reading them. */
static void name_copies(run_ctx *c)
{
    for (size_t i = 1; i < c->njobs; i++) {
        const char *base = base_name(c->jobs[i].path);
        bool clash = false;
        for (size_t k = 0; k < i && !clash; k++) clash = !strcmp(base_name(c->jobs[k].path), base);
        if (!clash) continue;
        const char *dot = strrchr(base, '.');
        int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
        fl_buf b = FL_BUF_INIT;
        for (int n = 2; b.len == 0 || name_taken(c, i, b.data); n++) {
            fl_buf_clear(&b);
            fl_buf_printf(&b, "%.*s-%d%s", stem, base, n, base + stem);
        }
        c->jobs[i].copy_name = fl_buf_detach(&b);
    }
}

static void lint_all(run_ctx *c, const fl_strlist *files)
{
    size_t threads = (size_t)c->s->jobs;
    if (threads > files->n) threads = files->n ? files->n : 1;
    c->jobs = fl_xcalloc(files->n + 1, sizeof *c->jobs);
    c->njobs = files->n;
    for (size_t i = 0; i < files->n; i++) {
        c->jobs[i].path = files->v[i];
        c->jobs[i].folder = folder_of(c, files->v[i]);
        c->folders[c->jobs[i].folder].pending++;
    }
    if (c->artifact) name_copies(c);
    c->lints = fl_xcalloc(threads, sizeof *c->lints);
    for (size_t t = 0; t < threads; t++) c->lints[t] = fl_lint_new(c->rules);
    /* A format that shows documents keeps them until their turn: a smaller
     * window then bounds memory, and a document is dropped (and read again
     * when its turn comes) only while the head file waits for its folder. */
    c->need_doc = c->rep->needs_doc || (c->artifact && c->artifact->needs_doc);
    size_t window = c->need_doc ? 2 * threads + 2 : 4 * threads + 4;
    c->docwin = window;
    c->progress = c->s->progress && !c->s->quiet && files->n > 1 && isatty(STDERR_FILENO);
    progress_show(c, 0);
    fl_pool_ops ops = {work, done, ready, emit};
    fl_pool_run(files->n, threads, window, &ops, c);
    progress_clear(c);
    for (size_t t = 0; t < threads; t++) fl_lint_free(c->lints[t]);
    free(c->lints);
}

static void run_ctx_free(run_ctx *c)
{
    for (size_t i = 0; i < c->nfolders; i++) {
        for (size_t k = 0; k < c->folders[i].ntypes; k++) free(c->folders[i].types[k].type);
        free(c->folders[i].types);
        free(c->folders[i].key);
    }
    free(c->folders);
    for (size_t i = 0; i < c->njobs; i++) free(c->jobs[i].copy_name);
    free(c->jobs);
    fl_baseline_free(c->known);
    fl_baseline_free(c->record);
}

/* The baseline to compare against; a file the config names that does not
 * exist yet is no baseline (the first --write-baseline makes it). */
static int open_baseline(run_ctx *c)
{
    const fl_check_settings *s = c->s;
    if (!s->baseline) return 0;
    struct stat st;
    if (s->baseline_src == FL_SRC_CONFIG && stat(s->baseline, &st) != 0 && errno == ENOENT) return 0;
    fl_error err;
    fl_error_clear(&err);
    if (fl_baseline_load(&c->known, s->baseline, &err) == 0) return 0;
    fl_error_print(&err);
    return -1;
}

/* --corpus: refuse a database that cannot be opened once, in one line,
 * rather than as the same tool error for every file. */
static int check_corpus(const char *db)
{
    fl_corpus *corpus = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (!fl_corpus_open(&corpus, db, FL_CORPUS_READ, NULL, &err)) {
        fl_corpus_close(corpus);
        return 0;
    }
    char line[1600];
    fprintf(stderr, fl_tr(FL_M_CORPUS_PREFIX), fl_error_format(&err, line, sizeof line));
    return -1;
}

/* ---- outputs never over what the run reads ---------------------------------- */

static bool writes_files(const fl_check_settings *s)
{
    return (s->output && strcmp(s->output, "-")) || s->write_baseline || s->annotate;
}

static void read_files(const fl_check_settings *s, const fl_strlist *files, fl_readset *r)
{
    for (size_t i = 0; i < files->n; i++) fl_readset_add(r, files->v[i], ROLE_INPUT);
    if (s->baseline) fl_readset_add(r, s->baseline, ROLE_BASELINE);
    if (s->corpus) fl_readset_add(r, s->corpus, ROLE_CORPUS);
    if (s->config.path) fl_readset_add(r, s->config.path, ROLE_CONFIG);
    for (size_t i = 0; i < s->rulesets.n; i++) {
        struct stat st;
        if (stat(s->rulesets.v[i], &st) == 0 && S_ISREG(st.st_mode)) fl_readset_add(r, s->rulesets.v[i], ROLE_RULESET);
    }
}

static void tamed(char *out, size_t cap, const char *s)
{
    snprintf(out, cap, "%s", s);
    fl_tame_str(out, cap, false);
}

/* 0, or 2 with one line: "-o 报批稿.docx is an input of this run; ...".
 * --write-baseline may name the --baseline it replaces: recording the
 * findings again over the old ones is what updating a baseline is. */
static int refuse_overwrite(const char *opt, const char *path, const char *role)
{
    char name[1024];
    tamed(name, sizeof name, path);
    fprintf(stderr, fl_tr(FL_M_REFUSE_ROLE), opt, name, role_text(role));
    return 2;
}

/* An output path that names an existing document, not a report or a
 * baseline, is most likely a filing whose place the forgotten output name
 * took: "check --write-baseline 报批稿.docx 实施方案.docx". */
static int refuse_document(const char *opt, const char *path, const char *kind, fl_msg noun)
{
    char name[1024];
    tamed(name, sizeof name, path);
    fprintf(stderr, fl_tr(FL_M_REFUSE_DOC), opt, name, fl_tr_phrase(kind), fl_tr(noun), fl_tr(noun));
    return 2;
}

static int guard_outputs(const fl_check_settings *s, fl_readset *r)
{
    const char *role, *kind;
    bool report_file = s->output && strcmp(s->output, "-");
    if (report_file && (kind = fl_output_document_kind(s->output))) return refuse_document("-o", s->output, kind, FL_M_NOUN_REPORT);
    if (s->write_baseline && (kind = fl_output_document_kind(s->write_baseline)))
        return refuse_document("--write-baseline", s->write_baseline, kind, FL_M_NOUN_BASELINE);
    if (s->write_baseline && fl_output_not_json(s->write_baseline))
    {
        char name[1024];
        tamed(name, sizeof name, s->write_baseline);
        fprintf(stderr, fl_tr(FL_M_REFUSE_NOT_JSON), name);
        return 2;
    }
    if (report_file && (role = fl_readset_find(r, s->output))) return refuse_overwrite("-o", s->output, role);
    if (s->write_baseline && (role = fl_readset_find(r, s->write_baseline)) && role != ROLE_BASELINE)
        return refuse_overwrite("--write-baseline", s->write_baseline, role);
    if (report_file) fl_readset_add(r, s->output, ROLE_REPORT);
    if (s->write_baseline && (role = fl_readset_find(r, s->write_baseline)) == ROLE_REPORT)
        return refuse_overwrite("--write-baseline", s->write_baseline, role);
    if (s->write_baseline) fl_readset_add(r, s->write_baseline, ROLE_BASELINE_OUT);
    return 0;
}

/* ---- finding the files ------------------------------------------------------ */

static const char *joined_inputs(const fl_check_settings *s, fl_buf *b)
{
    for (size_t i = 0; i < s->inputs.n; i++) {
        if (i) fl_buf_adds(b, fl_tr(FL_M_LIST_COMMA));
        fl_tame_append(b, s->inputs.v[i], strlen(s->inputs.v[i]), false);
    }
    return b->data ? b->data : "";
}

/* A walk that finds no filing is an error: a CI job pointed at the wrong
 * folder (or at a folder of PDFs) must not pass with nothing checked. A
 * folder that gives nothing next to others that do gets a warning. With
 * -v every file left out is named. */
static int report_walk(const fl_check_settings *s, const fl_strlist *files, const fl_walk_stats *ws)
{
    char skipped[512], name[1024];
    fl_buf exts = FL_BUF_INIT;
    fl_reader_extensions(&exts, " ");
    fl_walk_skipped_summary(ws, skipped, sizeof skipped);
    for (size_t i = 0; s->verbose && i < ws->skipped.n; i++) {
        const char *p = ws->skipped.v[i];
        bool head;
        tamed(name, sizeof name, p);
        /* a name some reader takes was left out for its first bytes */
        fprintf(stderr, fl_tr(fl_reader_walk_name(p, &head) ? FL_M_SKIPPED_XML : FL_M_SKIPPED_NAME), name, exts.data);
    }
    if (!files->n) {
        fl_buf b = FL_BUF_INIT, none = FL_BUF_INIT;
        if (!*skipped) fl_buf_printf(&none, fl_tr(FL_M_NO_FILINGS_NONE), exts.data);
        fprintf(stderr, fl_tr(FL_M_NO_FILINGS), joined_inputs(s, &b),
                *skipped ? fl_tr(FL_M_NO_FILINGS_SKIPPED) : none.data, skipped);
        fl_buf_free(&b);
        fl_buf_free(&none);
        fl_buf_free(&exts);
        return 2;
    }
    fl_buf_free(&exts);
    for (size_t i = 0; i < ws->empty.n; i++) {
        tamed(name, sizeof name, ws->empty.v[i]);
        fputs(fl_tr(FL_M_WARNING_PREFIX), stderr);
        fprintf(stderr, fl_tr(FL_M_NO_FILINGS_IN), name);
    }
    return 0;
}

static int exit_status(const run_ctx *c)
{
    size_t over = 0;
    for (int sev = c->s->fail_on; sev <= FL_SEV_ERROR; sev++) over += c->sum.by_severity[sev];
    if (!c->all_read || c->artifact_failed) return 2;
    /* --write-baseline: the run's purpose is recording the findings */
    return over && !c->s->write_baseline ? 1 : 0;
}

static int run(const fl_check_settings *s, const fl_reporter *rep, const fl_rules *shipped)
{
    int status = 0;
    fl_rules rules;
    const fl_rules *set = &rules;
    fl_error err;
    unsigned char *mask = NULL;
    fl_strlist files = {0};
    fl_walk_stats ws;
    fl_readset reads;
    fl_sink out, base;
    bool out_open = false, base_open = false;
    run_ctx c;
    memset(&c, 0, sizeof c);
    memset(&ws, 0, sizeof ws);
    memset(&reads, 0, sizeof reads);
    c.s = s;
    c.all_read = true;
    c.reads = &reads;
    fl_rules_init(&rules);
    fl_error_clear(&err);
    /* serve: the shipped rulesets its parent loaded once, when they are all
     * this run loads; any other choice is loaded here as usual */
    if (shipped && s->default_rulesets && !s->rulesets.n) set = shipped;
    else if (fl_rules_load_all(&rules, s->default_rulesets, s->rulesets.v, s->rulesets.n, &err)) {
        fl_error_print(&err);
        status = 3; /* even an unreadable --ruleset: the run cannot mean anything */
        goto cleanup;
    }
    warn_unused(set, &s->select, "--select");
    warn_unused(set, &s->ignore, "--ignore");
    mask = fl_lint_select(set, s->select.v, s->select.n, s->ignore.v, s->ignore.n);
    c.rules = set;
    c.mask = mask;
    fl_walk_inputs(&files, s->inputs.v, s->inputs.n, &ws);
    if ((status = report_walk(s, &files, &ws))) goto cleanup;
    if (writes_files(s)) {
        read_files(s, &files, &reads);
        if ((status = guard_outputs(s, &reads))) goto cleanup;
    }
    if (s->annotate) {
        c.artifact = &fl_artifact_annotate;
        c.artifact_dir = s->annotate;
    }
    if (open_baseline(&c) || (c.artifact && c.artifact->prepare(c.artifact_dir)) || (s->corpus && check_corpus(s->corpus))) {
        status = 2;
        goto cleanup;
    }
    if (s->write_baseline) c.record = fl_baseline_new();
    /* Both outputs are opened before the run: a path that cannot be
     * written is said at once, not after an hour of linting. */
    if (fl_sink_open(&out, s->output)) {
        fl_sink_complain(&out);
        status = 2;
        goto cleanup;
    }
    out_open = true;
    if (s->write_baseline) {
        if (fl_sink_open(&base, s->write_baseline)) {
            fl_sink_complain(&base);
            status = 2;
            goto cleanup;
        }
        base_open = true;
    }
    c.rep = rep ? rep : fl_reporter_find(s->format);
    fl_report_opts ro = {.out = out.f, .color = want_color(s), .quiet = s->quiet, .verbose = s->verbose,
                         .rules = set, .enabled = mask, .has_as_of = s->has_as_of, .as_of = s->as_of,
                         .as_of_origin = fl_source_names[s->as_of_src]};
    c.state = c.rep->open(&ro);
    lint_all(&c, &files);
    c.sum.skipped = ws.skipped.n + ws.special;
    char skipped[512];
    fl_walk_skipped_summary(&ws, skipped, sizeof skipped);
    c.sum.skipped_summary = skipped;
    int wrc = c.rep->close(c.state, &c.sum);
    out_open = false;
    if (fl_sink_close(&out, wrc == 0) != 0) {
        fl_sink_complain(&out);
        status = 3;
        goto cleanup;
    }
    if (c.hidden && !s->quiet)
    {
        char name[1024];
        tamed(name, sizeof name, s->baseline);
        fprintf(stderr, fl_tr(FL_M_BASELINE_HIDDEN), c.hidden, c.hidden == 1 ? "" : "s", name);
    }
    if (base_open) {
        base_open = false;
        if (fl_sink_close(&base, fl_baseline_write(c.record, base.f) == 0) != 0) {
            fl_sink_complain(&base);
            status = 3;
            goto cleanup;
        }
    }
    status = exit_status(&c);
cleanup:
    if (out_open) fl_sink_close(&out, false);
    if (base_open) fl_sink_close(&base, false);
    run_ctx_free(&c);
    free(mask);
    fl_strlist_free(&files);
    fl_walk_stats_free(&ws);
    fl_readset_free(&reads);
    fl_rules_free(&rules);
    return status;
}

int fl_check_run(int argc, char **argv, const fl_reporter *rep, const fl_rules *shipped)
{
    fl_check_settings s;
    int rc = fl_check_settings_parse(&s, argc, argv, true);
    if (rc < 0) rc = run(&s, rep, shipped);
    fl_check_settings_free(&s);
    return rc;
}

int fl_cmd_check(int argc, char **argv)
{
    return fl_check_run(argc, argv, NULL, NULL);
}
