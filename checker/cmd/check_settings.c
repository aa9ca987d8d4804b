/* The settings of `check` (check.h): its command-line options, merged
 * over .filinglint.xml (cmd/configfile.c) and the defaults, and the
 * per-file selection that the config's per-path overrides give. Kept apart
 * from the run (check.c) because `filinglint config` (config.c) uses the
 * same merge to print the settings. */
#include "cmd/check_settings.h"
#include "input/readers.h"
#include "cmd/cmd.h"
#include "core/i18n.h"
#include "report/report.h"
#include "rules/ruleset.h"
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const fl_source_names[] = {"default", "config", "command line"};

const char *fl_source_label(fl_source src)
{
    return fl_tr(src == FL_SRC_CLI ? FL_M_SRC_CLI : src == FL_SRC_CONFIG ? FL_M_SRC_CONFIG : FL_M_SRC_DEFAULT);
}

/* ---- options --------------------------------------------------------------- */

/* What the command line said, before merging with the config file. */
typedef struct cli {
    const char *format, *output, *doc_type, *as_of, *fail_on, *baseline, *write_baseline, *annotate;
    const char *config, *color, *corpus;
    fl_strlist rulesets, select, ignore;
    bool no_defaults, quiet, no_progress, no_config, verbose;
    int jobs;
} cli;

enum { OPT_RULESET = 256, OPT_NO_DEFAULTS, OPT_SELECT, OPT_IGNORE, OPT_DOC_TYPE, OPT_AS_OF, OPT_FAIL_ON,
       OPT_COLOR, OPT_NO_PROGRESS, OPT_BASELINE, OPT_WRITE_BASELINE, OPT_ANNOTATE, OPT_CONFIG, OPT_NO_CONFIG,
       OPT_CORPUS };

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
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"annotate", required_argument, NULL, OPT_ANNOTATE},
    {"corpus", required_argument, NULL, OPT_CORPUS},
    {"ocr", no_argument, NULL, FL_OPT_OCR},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"lang", required_argument, NULL, FL_OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* The lists in the usage come from the tables they describe: the
 * reporters, the document types and the readers' file endings. */
static int usage(void)
{
    fl_buf formats = FL_BUF_INIT, types = FL_BUF_INIT, exts = FL_BUF_INIT;
    fl_reporter_names(&formats, "|");
    fl_doc_type_list(&types, " ");
    fl_reader_extensions(&exts, " ");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* a row of core/i18n.def */
    printf(fl_tr(FL_M_CHECK_USAGE), formats.data, types.data, exts.data);
#pragma GCC diagnostic pop
    fl_buf_free(&formats);
    fl_buf_free(&types);
    fl_buf_free(&exts);
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

static int parse_jobs(const char *s, int *out)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < 1 || n > 1024) return -1;
    *out = (int)n;
    return 0;
}

/* Returns -1 to continue, else an exit status. */
static int parse_cli(cli *c, fl_strlist *inputs, int argc, char **argv)
{
    int ch, dummy;
    fl_date d;
    optind = 0; /* glibc: full re-initialisation */
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":f:o:j:qvh", long_opts, NULL)) != -1) {
        switch (ch) {
        case 'f': c->format = optarg; break;
        case 'o': c->output = optarg; break;
        case OPT_RULESET: fl_strlist_push(&c->rulesets, optarg); break;
        case OPT_NO_DEFAULTS: c->no_defaults = true; break;
        case OPT_SELECT: fl_strlist_push_split(&c->select, optarg); break;
        case OPT_IGNORE: fl_strlist_push_split(&c->ignore, optarg); break;
        case OPT_DOC_TYPE:
            if (!fl_doc_type_known(optarg)) {
                fl_buf types = FL_BUF_INIT;
                fl_doc_type_list(&types, " ");
                int rc = fl_cmd_usage_error(fl_tr(FL_M_BAD_DOC_TYPE), optarg, types.data);
                fl_buf_free(&types);
                return rc;
            }
            c->doc_type = optarg;
            break;
        case OPT_AS_OF:
            if (fl_date_iso_parse(&d, optarg)) return fl_cmd_usage_error(fl_tr(FL_M_BAD_AS_OF), optarg);
            c->as_of = optarg;
            break;
        case OPT_FAIL_ON:
            if (parse_fail_on(optarg, &dummy)) return fl_cmd_usage_error(fl_tr(FL_M_BAD_FAIL_ON), optarg);
            c->fail_on = optarg;
            break;
        case 'j':
            if (parse_jobs(optarg, &c->jobs)) return fl_cmd_usage_error(fl_tr(FL_M_BAD_JOBS), optarg);
            break;
        case OPT_BASELINE: c->baseline = optarg; break;
        case OPT_WRITE_BASELINE: c->write_baseline = optarg; break;
        case OPT_ANNOTATE: c->annotate = optarg; break;
        case OPT_CORPUS: c->corpus = optarg; break;
        case OPT_CONFIG: c->config = optarg; break;
        case OPT_NO_CONFIG: c->no_config = true; break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return fl_cmd_usage_error(fl_tr(FL_M_BAD_COLOR), optarg);
            c->color = optarg;
            break;
        case 'q': c->quiet = true; break;
        case 'v': c->verbose = true; break;
        case OPT_NO_PROGRESS: c->no_progress = true; break;
        case FL_OPT_LANG: {
            int rc = fl_cmd_lang_option(optarg);
            if (rc >= 0) return rc;
            break;
        }
        case FL_OPT_OCR: {
            int rc = fl_cmd_ocr_option();
            if (rc >= 0) return rc;
            break;
        }
        case 'h': return usage();
        case ':': return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[optind - 1]);
        default: return fl_cmd_unknown_option(argv, long_opts);
        }
    }
    for (int i = optind; i < argc; i++) fl_strlist_push(inputs, argv[i]);
    return -1;
}

static void cli_free(cli *c)
{
    fl_strlist_free(&c->rulesets);
    fl_strlist_free(&c->select);
    fl_strlist_free(&c->ignore);
}

/* ---- merging with the config file ------------------------------------------ */

static int load_config(fl_check_settings *s, const cli *c)
{
    char found[PATH_MAX];
    const char *path = c->no_config ? NULL : c->config ? c->config : fl_config_find(found, sizeof found);
    if (!path) return 0;
    fl_error err;
    fl_error_clear(&err);
    if (fl_config_load(&s->config, path, &err)) {
        fl_error_print(&err);
        return 2;
    }
    return 0;
}

static void copy_list(fl_strlist *to, const fl_strlist *from)
{
    for (size_t i = 0; i < from->n; i++) fl_strlist_push(to, from->v[i]);
}

/* value: the command line's, else the config's, else the default */
#define PICK(field, src, cli_v, cfg_v, def)                                  \
    do {                                                                     \
        if (cli_v) { s->field = (cli_v); s->src = FL_SRC_CLI; }              \
        else if (cfg_v) { s->field = (cfg_v); s->src = FL_SRC_CONFIG; }      \
        else { s->field = (def); s->src = FL_SRC_DEFAULT; }                  \
    } while (0)

static void merge_lists(fl_check_settings *s, const cli *c)
{
    const fl_config *f = &s->config;
    copy_list(&s->rulesets, &f->rulesets);
    s->config_rulesets = f->rulesets.n;
    copy_list(&s->rulesets, &c->rulesets);
    s->select_src = c->select.n ? FL_SRC_CLI : f->select.n ? FL_SRC_CONFIG : FL_SRC_DEFAULT;
    copy_list(&s->select, c->select.n ? &c->select : &f->select);
    s->ignore_src = c->ignore.n ? FL_SRC_CLI : f->ignore.n ? FL_SRC_CONFIG : FL_SRC_DEFAULT;
    copy_list(&s->ignore, c->ignore.n ? &c->ignore : &f->ignore);
    s->overrides_active = !c->select.n && !c->ignore.n;
}

static int merge(fl_check_settings *s, const cli *c)
{
    const fl_config *f = &s->config;
    PICK(format, format_src, c->format, f->format, "text");
    if (!fl_reporter_find(s->format)) {
        const char *where = s->format_src == FL_SRC_CONFIG ? fl_tr(FL_M_IN_CONFIG) : "";
        fl_buf names = FL_BUF_INIT;
        fl_reporter_names(&names, fl_tr(FL_M_LIST_COMMA));
        int rc = fl_cmd_usage_error(fl_tr(FL_M_BAD_FORMAT), s->format, where, names.data);
        fl_buf_free(&names);
        return rc;
    }
    if (c->no_defaults) { s->default_rulesets = false; s->default_rulesets_src = FL_SRC_CLI; }
    else if (f->default_rulesets >= 0) { s->default_rulesets = f->default_rulesets; s->default_rulesets_src = FL_SRC_CONFIG; }
    else { s->default_rulesets = true; s->default_rulesets_src = FL_SRC_DEFAULT; }
    merge_lists(s, c);
    const char *fail_on;
    PICK(doc_type, doc_type_src, c->doc_type, f->doc_type, NULL);
    PICK(as_of_text, as_of_src, c->as_of, f->as_of, NULL);
    PICK(baseline, baseline_src, c->baseline, f->baseline, NULL);
    PICK(corpus, corpus_src, c->corpus, f->corpus, NULL);
    fail_on = c->fail_on ? c->fail_on : f->fail_on ? f->fail_on : "error";
    s->fail_on_src = c->fail_on ? FL_SRC_CLI : f->fail_on ? FL_SRC_CONFIG : FL_SRC_DEFAULT;
    parse_fail_on(fail_on, &s->fail_on); /* both were checked */
    s->has_as_of = s->as_of_text && fl_date_iso_parse(&s->as_of, s->as_of_text) == 0;
    if (c->jobs) { s->jobs = c->jobs; s->jobs_src = FL_SRC_CLI; }
    else if (f->jobs) { s->jobs = f->jobs; s->jobs_src = FL_SRC_CONFIG; }
    else {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        s->jobs = n < 1 ? 1 : n > 64 ? 64 : (int)n;
        s->jobs_src = FL_SRC_DEFAULT;
    }
    s->output = c->output;
    s->write_baseline = c->write_baseline;
    s->annotate = c->annotate;
    s->color = c->color ? c->color : "auto";
    s->quiet = c->quiet;
    s->verbose = c->verbose;
    s->progress = !c->no_progress;
    return -1;
}

int fl_check_settings_parse(fl_check_settings *s, int argc, char **argv, bool need_inputs)
{
    cli c;
    memset(s, 0, sizeof *s);
    memset(&c, 0, sizeof c);
    s->config.default_rulesets = -1;
    int rc = parse_cli(&c, &s->inputs, argc, argv);
    if (rc < 0) rc = load_config(s, &c) ? 2 : -1;
    /* the file's <lang> speaks from here on, unless --lang was given */
    if (rc < 0 && s->config.lang) {
        fl_lang lang;
        if (!fl_lang_parse(s->config.lang, &lang)) fl_lang_set(lang, FL_LANG_CONFIG);
    }
    if (rc < 0) rc = merge(s, &c);
    if (rc < 0 && need_inputs && !s->inputs.n) rc = fl_cmd_usage_error("%s", fl_tr(FL_M_NO_INPUT));
    cli_free(&c);
    return rc;
}

void fl_check_settings_free(fl_check_settings *s)
{
    fl_config_free(&s->config);
    fl_strlist_free(&s->rulesets);
    fl_strlist_free(&s->select);
    fl_strlist_free(&s->ignore);
    fl_strlist_free(&s->inputs);
}

static void add_all(char ***v, size_t *n, size_t *cap, const fl_strlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        FL_VEC_RESERVE(*v, *cap, *n + 1);
        (*v)[(*n)++] = l->v[i];
    }
}

void fl_check_file_selection(const fl_check_settings *s, const char *path, fl_file_selection *out)
{
    memset(out, 0, sizeof *out);
    add_all(&out->select, &out->nselect, &out->cap_select, &s->select);
    add_all(&out->ignore, &out->nignore, &out->cap_ignore, &s->ignore);
    out->doc_type = s->doc_type;
    for (size_t i = 0; s->config.path && i < s->config.noverrides; i++) {
        const fl_config_override *o = &s->config.overrides[i];
        if (!fl_config_override_matches(&s->config, o, path)) continue;
        out->overridden = true;
        if (s->overrides_active && o->select.n) {
            out->nselect = 0;
            add_all(&out->select, &out->nselect, &out->cap_select, &o->select);
        }
        if (s->overrides_active) add_all(&out->ignore, &out->nignore, &out->cap_ignore, &o->ignore);
        if (o->doc_type && s->doc_type_src != FL_SRC_CLI) out->doc_type = o->doc_type;
    }
}

void fl_file_selection_free(fl_file_selection *sel)
{
    free(sel->select);
    free(sel->ignore);
    memset(sel, 0, sizeof *sel);
}
