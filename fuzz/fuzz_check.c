/* Fuzz target: the whole `check` path on one input, as cmd/check.c runs it —
 * sniffing and reading (DOCX, Flat OPC, Word 2003, text), every shipped rule
 * over the document, suppressions and baseline fingerprints, every report
 * format, and the annotated copy (`--annotate`), which re-parses the input's
 * XML with its own scanner and is then read back.
 *
 * Invariants checked beyond "no crash": every finding points into the
 * document (block, line, columns) with the strings the reporters print; the
 * JSON, JSON Lines and SARIF outputs parse as JSON; an annotated copy of a
 * document that was read can itself be read. */
#include "model/load.h"
#include "input/readers.h"
#include "fuzz.h"
#include "core/error.h"
#include "core/utf8.h"
#include "input/input.h"
#include "report/annotate.h"
#include "report/report.h"
#include "rules/baseline.h"
#include "rules/engine.h"
#include "rules/suppress.h"
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static fl_rules rules;
static fl_lint *lint;
static char scratch[PATH_MAX];

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static void remove_scratch(void)
{
    char out[PATH_MAX + 8];
    snprintf(out, sizeof out, "%s/out", scratch);
    rmdir(out);
    rmdir(scratch);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    fl_error err;
    fl_error_clear(&err);
    fl_rules_init(&rules);
    if (fl_rules_load_default(&rules, &err)) die("cannot load the shipped rulesets", err.message);
    lint = fl_lint_new(&rules);
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/fuzz_check.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch)) die("mkdtemp failed", scratch);
    atexit(remove_scratch);
    return 0;
}

static void check_findings(const fl_doc *doc, const fl_result *res)
{
    for (size_t i = 0; i < res->nfindings; i++) {
        const fl_finding *f = &res->findings[i];
        if (!f->rule || !f->message || !f->match || !f->section || !f->fingerprint) die("finding lacks a string", NULL);
        if (f->block < -1 || f->block >= (int)doc->nblocks) die("finding block out of range", f->rule->id);
        if (f->line < 0 || f->column < 0 || f->end_line < f->line) die("finding line/column out of order", f->rule->id);
        if (f->end_line == f->line && f->end_column < f->column) die("finding end before start", f->rule->id);
        if (f->excerpt && !fl_utf8_valid(f->excerpt, strlen(f->excerpt))) die("excerpt not UTF-8", f->rule->id);
        if (!fl_utf8_valid(f->message, strlen(f->message))) die("message not UTF-8", f->rule->id);
    }
}

/* JSON Lines: every line a JSON value, and no output at all is fine. */
static void must_be_json(const char *format, const char *buf, size_t len, bool lines)
{
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = lines ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        const char *stop = nl ? nl : end;
        json_error_t je;
        json_t *j = json_loadb(p, (size_t)(stop - p), 0, &je);
        if (!j) die("report is not JSON", format);
        json_decref(j);
        p = nl ? nl + 1 : end;
    }
    if (!lines && len == 0) die("report is empty", format);
}

/* Each report format into memory; the machine-readable ones must parse. */
static void report_all(const fl_file_report *fr)
{
    static const char *const formats[] = {"text", "json", "jsonl", "sarif", "html"};
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (!out) die("open_memstream failed", NULL);
        const fl_reporter *rep = fl_reporter_find(formats[k]);
        fl_report_opts o = {.out = out, .rules = &rules};
        fl_summary sum = {0};
        void *state = rep->open(&o);
        rep->file(state, fr);
        fl_summary_add(&sum, fr);
        if (rep->close(state, &sum)) die("reporter failed writing to memory", formats[k]);
        fclose(out);
        if (k >= 1 && k <= 3) must_be_json(formats[k], buf, len, k == 2);
        free(buf);
    }
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f)) die("cannot write the scratch input", path);
}

/* The copy must be readable whenever the original was. */
static void annotate(const char *name, const uint8_t *data, size_t size, const fl_doc *doc, const fl_result *res)
{
    char in[PATH_MAX + 32], dir[PATH_MAX + 32], out[2 * PATH_MAX];
    snprintf(in, sizeof in, "%s/%s", scratch, name);
    snprintf(dir, sizeof dir, "%s/out", scratch);
    snprintf(out, sizeof out, "%s/%s", dir, name);
    write_file(in, data, size);
    (void)mkdir(dir, 0700);
    fl_error err;
    fl_error_clear(&err);
    if (fl_annotate_write(dir, in, NULL, doc, res, &err) == 0 && access(out, F_OK) == 0) {
        fl_doc *again = NULL;
        if (fl_doc_load(&again, out, &err)) die("the annotated copy cannot be read", err.message);
        fl_fuzz_check_doc(again);
        fl_doc_free(again);
    } else if (err.code == FL_OK && access(out, F_OK) != 0 && (fl_reader_of(doc)->word)) {
        die("annotate wrote nothing and reported no error", NULL);
    }
    unlink(out);
    unlink(in);
}

/* The sniffer reads the content; the name only tells .md from .txt and
 * which extension the annotated copy gets. */
static const char *name_for(const uint8_t *d, size_t n)
{
    if (n >= 2 && d[0] == 'P' && d[1] == 'K') return "fuzz.docx";
    if (n >= 1 && (d[0] == '<' || d[0] == 0xEF)) return "fuzz.xml";
    return "fuzz.md";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *name = name_for(data, size);
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, name, data, size, &err)) {
        if (err.code == FL_OK) die("load failed without an error code", NULL);
        fl_file_report fr = {.path = name, .error = &err};
        report_all(&fr);
        return 0;
    }
    fl_fuzz_check_doc(doc);
    fl_result res;
    fl_result_init(&res);
    fl_lint_opts lo = {0};
    fl_date_iso_parse(&lo.as_of, "2026-01-01");
    lo.has_as_of = true;
    fl_lint_run(lint, doc, &lo, &res);
    fl_baseline_fingerprint(&res);
    fl_suppress_opts so = {.rules = &rules, .doc_type = res.doc_type, .report = {true, true}};
    fl_suppress_apply(doc, &res, &so);
    fl_baseline_fingerprint(&res);
    check_findings(doc, &res);
    fl_file_report fr = {.path = name, .result = &res, .doc = doc};
    report_all(&fr);
    annotate(name, data, size, doc, &res);
    fl_result_free(&res);
    fl_doc_free(doc);
    return 0;
}
