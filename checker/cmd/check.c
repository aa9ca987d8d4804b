/* `filinglint check`: lint files and folders, report in the chosen format,
 * exit with cli.md's status: 0 clean, 1 a finding at or above --fail-on,
 * 2 bad usage or an input that could not be read (or a rule skipped on a file
 * after hitting a pattern limit: that file was not fully checked), taking
 * precedence over 1, 3 an invalid ruleset or an internal error.
 *
 * A file that cannot be read is one stderr line "path: message" (and a
 * status "error" record in JSON); the other files are still linted. */
#include "cmd/cmd.h"
#include "core/date.h"
#include "input/input.h"
#include "report/report.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct strvec { char **v; size_t n, cap; } strvec;

static void push(strvec *s, const char *x)
{
    FL_VEC_RESERVE(s->v, s->cap, s->n + 1);
    s->v[s->n++] = fl_xstrdup(x);
}

static void strvec_free(strvec *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

typedef struct check_opts {
    const char *format, *output, *doc_type, *color;
    strvec rulesets, select, ignore, inputs;
    bool no_defaults, quiet, progress, has_as_of;
    fl_date as_of;
    int fail_on; /* severity threshold, 3 = never */
} check_opts;

enum { OPT_RULESET = 256, OPT_NO_DEFAULTS, OPT_SELECT, OPT_IGNORE, OPT_DOC_TYPE, OPT_AS_OF, OPT_FAIL_ON,
       OPT_COLOR, OPT_NO_PROGRESS };

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"ruleset", required_argument, NULL, OPT_RULESET},
    {"no-default-rulesets", no_argument, NULL, OPT_NO_DEFAULTS},
    {"select", required_argument, NULL, OPT_SELECT},
    {"ignore", required_argument, NULL, OPT_IGNORE},
    {"doc-type", required_argument, NULL, OPT_DOC_TYPE},
    {"as-of", required_argument, NULL, OPT_AS_OF},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"jobs", required_argument, NULL, 'j'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int usage(void)
{
    printf("usage: filinglint [check] [OPTIONS] PATH...\n\n"
           "  -f, --format text|json         output format (default text)\n"
           "  -o, --output FILE              write the report there (atomically)\n"
           "      --ruleset PATH             extra ruleset file or folder (repeatable)\n"
           "      --no-default-rulesets      do not load the shipped rulesets\n"
           "      --select ID|PREFIX,...     run only these rules (repeatable)\n"
           "      --ignore ID|PREFIX,...     do not run these rules (repeatable)\n"
           "      --doc-type TYPE            eia-book eia-form eia-pp soil-plan soil-summary soil-sign\n"
           "      --as-of YYYY-MM-DD         date to compare against when the filing gives none\n"
           "      --fail-on error|warning|info|never   exit 1 threshold (default error)\n"
           "  -j, --jobs N                   files linted in parallel\n"
           "      --color auto|always|never  colour the text output\n"
           "  -q, --quiet                    no summary line, no progress\n"
           "      --no-progress              no progress line\n\n"
           "Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage or unreadable input,\n"
           "3 invalid ruleset or internal error.\n");
    return 0;
}

static int parse_fail_on(const char *s, int *out)
{
    fl_severity sev;
    if (!strcmp(s, "never")) { *out = 3; return 0; }
    if (fl_severity_parse(s, &sev)) return -1;
    *out = (int)sev;
    return 0;
}

/* Returns -1 to continue, else an exit status. */
static int parse_args(check_opts *o, int argc, char **argv)
{
    int c;
    o->format = "text";
    o->color = "auto";
    o->fail_on = FL_SEV_ERROR;
    o->progress = true;
    optind = 0; /* glibc: full re-initialisation */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:j:qh", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': o->format = optarg; break;
        case 'o': o->output = optarg; break;
        case OPT_RULESET: push(&o->rulesets, optarg); break;
        case OPT_NO_DEFAULTS: o->no_defaults = true; break;
        case OPT_SELECT: push(&o->select, optarg); break;
        case OPT_IGNORE: push(&o->ignore, optarg); break;
        case OPT_DOC_TYPE:
            if (!fl_doc_type_known(optarg))
                return fl_cmd_usage_error("unknown --doc-type '%s' (eia-book eia-form eia-pp soil-plan soil-summary soil-sign)", optarg);
            o->doc_type = optarg;
            break;
        case OPT_AS_OF:
            if (fl_date_iso_parse(&o->as_of, optarg)) return fl_cmd_usage_error("--as-of wants a date YYYY-MM-DD, not '%s'", optarg);
            o->has_as_of = true;
            break;
        case OPT_FAIL_ON:
            if (parse_fail_on(optarg, &o->fail_on)) return fl_cmd_usage_error("--fail-on wants error, warning, info or never, not '%s'", optarg);
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1024) return fl_cmd_usage_error("--jobs wants a number from 1 to 1024, not '%s'", optarg);
            break; /* files are linted one after another for now */
        }
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return fl_cmd_usage_error("--color wants auto, always or never, not '%s'", optarg);
            o->color = optarg;
            break;
        case 'q': o->quiet = true; break;
        case OPT_NO_PROGRESS: o->progress = false; break;
        case 'h': return usage();
        case ':': return fl_cmd_usage_error("option %s needs a value", argv[optind - 1]);
        default: return fl_cmd_usage_error("unknown option %s", argv[optind - 1]);
        }
    }
    for (int i = optind; i < argc; i++) push(&o->inputs, argv[i]);
    if (!fl_reporter_find(o->format)) {
        if (!strcmp(o->format, "jsonl") || !strcmp(o->format, "sarif") || !strcmp(o->format, "html"))
            return fl_cmd_usage_error("--format %s is not available in this version (text, json)", o->format);
        return fl_cmd_usage_error("unknown --format '%s' (text, json)", o->format);
    }
    if (!o->inputs.n) return fl_cmd_usage_error("no input files");
    return -1;
}

/* ---- inputs ---------------------------------------------------------------- */

static bool lintable_name(const char *name)
{
    static const char *const exts[] = {".docx", ".docm", ".xml", ".txt", ".md"};
    if (name[0] == '.' || !strncmp(name, "~$", 2)) return false; /* hidden, Word lock files */
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t m = strlen(exts[i]);
        if (n > m && !strcasecmp(name + n - m, exts[i])) return true;
    }
    return false;
}

/* A folder holds other XML too (rulesets, exports): when walking, an .xml
 * file counts only if it declares a Flat OPC or Word 2003 namespace early. */
static bool word_xml(const char *path)
{
    static const char *const marks[] = {"schemas.microsoft.com/office/2006/xmlPackage",
                                        "schemas.microsoft.com/office/word/2003/wordml"};
    char buf[8192];
    FILE *f = fopen(path, "rb");
    if (!f) return true; /* let the reader report why it cannot be read */
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strstr(buf, marks[i])) return true;
    return false;
}

static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), m = strlen(ext);
    return n > m && !strcasecmp(name + n - m, ext);
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Folders are walked in name order so output is stable across file systems. */
static void walk(strvec *files, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 64) {
        if (d) closedir(d);
        push(files, dir); /* reported as unreadable when loaded */
        return;
    }
    strvec names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && e->d_name[0] != '.') push(&names, e->d_name);
    closedir(d);
    if (names.n > 1) qsort(names.v, names.n, sizeof *names.v, cmp_name);
    for (size_t i = 0; i < names.n; i++) {
        size_t len = strlen(dir) + strlen(names.v[i]) + 2;
        char *full = fl_xmalloc(len);
        snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) walk(files, full, depth + 1);
        else if (lintable_name(names.v[i]) && (!has_ext(names.v[i], ".xml") || word_xml(full))) push(files, full);
        free(full);
    }
    strvec_free(&names);
}

static void expand_inputs(const strvec *in, strvec *files)
{
    for (size_t i = 0; i < in->n; i++) {
        struct stat st;
        if (stat(in->v[i], &st) == 0 && S_ISDIR(st.st_mode)) walk(files, in->v[i], 0);
        else push(files, in->v[i]);
    }
}

/* ---- output ---------------------------------------------------------------- */

typedef struct sink { FILE *f; char *tmp; const char *target; } sink;

static int sink_open(sink *s, const char *target)
{
    memset(s, 0, sizeof s[0]);
    if (!target || !strcmp(target, "-")) {
        s->f = stdout;
        return 0;
    }
    size_t len = strlen(target) + 16;
    s->tmp = fl_xmalloc(len);
    snprintf(s->tmp, len, "%s.tmpXXXXXX", target);
    int fd = mkstemp(s->tmp);
    if (fd >= 0) { /* mkstemp makes 0600; a report gets the usual permissions */
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, 0666 & ~mask);
    }
    if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
        fprintf(stderr, "filinglint: cannot write %s: %s\n", target, strerror(errno));
        if (fd >= 0) { close(fd); unlink(s->tmp); }
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    s->target = target;
    return 0;
}

/* ok == false: drop the temp file, leave any existing target untouched. */
static int sink_close(sink *s, bool ok)
{
    if (!s->tmp) return ok ? 0 : -1;
    int rc = ok ? 0 : -1;
    if (fflush(s->f) != 0 || fsync(fileno(s->f)) != 0) rc = -1;
    if (fclose(s->f) != 0) rc = -1;
    if (rc == 0 && rename(s->tmp, s->target) != 0) rc = -1;
    if (rc != 0) {
        if (ok) fprintf(stderr, "filinglint: cannot write %s: %s\n", s->target, strerror(errno));
        unlink(s->tmp);
    }
    free(s->tmp);
    return rc;
}

static bool want_color(const check_opts *o)
{
    if (!strcmp(o->color, "always")) return true;
    if (!strcmp(o->color, "never") || o->output) return false;
    const char *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !getenv("NO_COLOR") && !(term && !strcmp(term, "dumb"));
}

/* ---- the run --------------------------------------------------------------- */

static void warn_unused(const fl_rules *rules, const strvec *sel, const char *opt)
{
    for (size_t i = 0; i < sel->n; i++)
        for (const char *p = sel->v[i]; *p;) {
            const char *q = strchr(p, ',');
            size_t len = q ? (size_t)(q - p) : strlen(p);
            while (len && *p == ' ') p++, len--;
            while (len && p[len - 1] == ' ') len--;
            if (len && !fl_rules_prefix_used(rules, p, len))
                fprintf(stderr, "filinglint: warning: %s %.*s matches no rule\n", opt, (int)len, p);
            p = q ? q + 1 : p + strlen(p);
        }
}

static void progress(bool on, size_t i, size_t n, const char *path)
{
    if (!on) return;
    if (path) fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, n, path);
    else fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* Lint one file and hand the result to the reporter; returns true when the
 * file was fully checked. */
static bool lint_one(fl_lint *lint, const char *path, const fl_lint_opts *lo, const fl_reporter *rep,
                     void *state, fl_summary *sum)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_file_report fr = {path, NULL, NULL, NULL};
    fl_error_clear(&err);
    if (fl_input_load(&doc, path, &err)) {
        char line[1600];
        fprintf(stderr, "%s\n", fl_error_format(&err, line, sizeof line));
        fr.error = &err;
        rep->file(state, &fr);
        fl_summary_add(sum, &fr);
        return false;
    }
    fl_result res;
    fl_result_init(&res);
    fl_lint_run(lint, doc, lo, &res);
    for (size_t i = 0; i < res.nerrors; i++) fprintf(stderr, "%s\n", res.errors[i].message);
    fr.result = &res;
    fr.doc = doc;
    rep->file(state, &fr);
    fl_summary_add(sum, &fr);
    bool ok = res.nerrors == 0;
    fl_result_free(&res);
    fl_doc_free(doc);
    return ok;
}

static int run(check_opts *o)
{
    int status = 0;
    fl_rules rules;
    fl_error err;
    fl_lint *lint = NULL;
    unsigned char *mask = NULL;
    strvec files = {0};
    sink out;
    fl_rules_init(&rules);
    fl_error_clear(&err);
    if (fl_rules_load_all(&rules, !o->no_defaults, o->rulesets.v, o->rulesets.n, &err)) {
        char line[1600];
        fprintf(stderr, "%s\n", fl_error_format(&err, line, sizeof line));
        status = 3; /* even an unreadable --ruleset: the run cannot mean anything */
        goto cleanup;
    }
    warn_unused(&rules, &o->select, "--select");
    warn_unused(&rules, &o->ignore, "--ignore");
    mask = fl_lint_select(&rules, o->select.v, o->select.n, o->ignore.v, o->ignore.n);
    expand_inputs(&o->inputs, &files);
    if (sink_open(&out, o->output)) { status = 2; goto cleanup; }
    const fl_reporter *rep = fl_reporter_find(o->format);
    fl_report_opts ro = {out.f, want_color(o), o->quiet, &rules};
    void *state = rep->open(&ro);
    fl_lint_opts lo = {o->doc_type, o->has_as_of, o->as_of, mask, NULL, false};
    fl_summary sum;
    memset(&sum, 0, sizeof sum);
    lint = fl_lint_new(&rules);
    bool show = o->progress && !o->quiet && files.n > 1 && isatty(STDERR_FILENO);
    bool all_read = true;
    for (size_t i = 0; i < files.n; i++) {
        progress(show, i, files.n, files.v[i]);
        if (!lint_one(lint, files.v[i], &lo, rep, state, &sum)) all_read = false;
    }
    progress(show, 0, 0, NULL);
    int wrc = rep->close(state, &sum);
    if (sink_close(&out, wrc == 0) != 0) { status = 3; goto cleanup; }
    size_t over = 0;
    for (int sev = o->fail_on; sev <= FL_SEV_ERROR; sev++) over += sum.by_severity[sev];
    status = !all_read ? 2 : over ? 1 : 0;
cleanup:
    fl_lint_free(lint);
    free(mask);
    strvec_free(&files);
    fl_rules_free(&rules);
    return status;
}

int fl_cmd_check(int argc, char **argv)
{
    check_opts o;
    memset(&o, 0, sizeof o);
    int rc = parse_args(&o, argc, argv);
    if (rc < 0) rc = run(&o);
    strvec_free(&o.rulesets);
    strvec_free(&o.select);
    strvec_free(&o.ignore);
    strvec_free(&o.inputs);
    return rc;
}
