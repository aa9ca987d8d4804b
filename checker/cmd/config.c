/* `filinglint config [CHECK OPTIONS] [PATH...]`: print the settings a
 * `check` with the same options would use, each with where it came from
 * (default, config, command line), the per-path overrides, and for each
 * PATH given the selection that applies to it. Nothing is linted. */
#include "cmd/check_settings.h"
#include "cmd/cmd.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "rules/ruleset.h"
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* formats from core/i18n.def */

static void line(const char *key, const char *value, const char *src)
{
    printf(fl_tr(FL_M_CFG_LINE), key, value, src);
}

static void list(const char *key, char *const *v, size_t n, fl_msg none, fl_source src)
{
    fl_buf b = FL_BUF_INIT;
    if (!n) fl_buf_adds(&b, fl_tr(none));
    for (size_t i = 0; i < n; i++) fl_buf_printf(&b, "%s%s", i ? "," : "", v[i]);
    line(key, b.data, fl_source_label(src));
    fl_buf_free(&b);
}

static void overrides(const fl_check_settings *s)
{
    const fl_config *c = &s->config;
    for (size_t i = 0; i < c->noverrides; i++) {
        const fl_config_override *o = &c->overrides[i];
        printf(fl_tr(FL_M_CFG_OVERRIDE), o->pattern, o->line);
        const char *sep = " ";
        if (o->select.n || o->ignore.n) {
            if (!s->overrides_active) {
                printf(fl_tr(FL_M_CFG_NOT_APPLIED), sep);
                sep = fl_tr(FL_M_CFG_SEP);
            } else {
                for (size_t k = 0; k < o->select.n; k++, sep = fl_tr(FL_M_CFG_SEP)) printf("%sselect %s", sep, o->select.v[k]);
                for (size_t k = 0; k < o->ignore.n; k++, sep = fl_tr(FL_M_CFG_SEP)) printf("%signore %s", sep, o->ignore.v[k]);
            }
        }
        if (o->doc_type)
            printf(fl_tr(FL_M_CFG_OV_DOC_TYPE), sep, o->doc_type, s->doc_type_src == FL_SRC_CLI ? fl_tr(FL_M_CFG_OV_DT_NOT) : "");
        putchar('\n');
    }
}

static void per_path(const fl_check_settings *s)
{
    for (size_t i = 0; i < s->inputs.n; i++) {
        fl_file_selection sel;
        fl_check_file_selection(s, s->inputs.v[i], &sel);
        fl_buf sb = FL_BUF_INIT, ib = FL_BUF_INIT;
        if (!sel.nselect) fl_buf_adds(&sb, fl_tr(FL_M_CFG_ALL));
        for (size_t k = 0; k < sel.nselect; k++) fl_buf_printf(&sb, "%s%s", k ? "," : "", sel.select[k]);
        if (!sel.nignore) fl_buf_adds(&ib, fl_tr(FL_M_CFG_NONE));
        for (size_t k = 0; k < sel.nignore; k++) fl_buf_printf(&ib, "%s%s", k ? "," : "", sel.ignore[k]);
        printf(fl_tr(FL_M_CFG_PATH), s->inputs.v[i], sb.data, ib.data, sel.doc_type ? sel.doc_type : fl_tr(FL_M_CFG_DETECTED));
        fl_buf_free(&sb);
        fl_buf_free(&ib);
        fl_file_selection_free(&sel);
    }
}

/* The language and where it came from: the environment variable that
 * decided, the config file, the command line. */
static void lang_line(void)
{
    char src[64];
    const char *var = NULL;
    switch (fl_lang_origin_get()) {
    case FL_LANG_CLI: snprintf(src, sizeof src, "%s", fl_source_label(FL_SRC_CLI)); break;
    case FL_LANG_CONFIG: snprintf(src, sizeof src, "%s", fl_source_label(FL_SRC_CONFIG)); break;
    default:
        fl_lang_from_env(&var);
        if (var) snprintf(src, sizeof src, fl_tr(FL_M_SRC_ENV), var);
        else snprintf(src, sizeof src, "%s", fl_source_label(FL_SRC_DEFAULT));
        break;
    }
    line("lang", fl_lang_name(fl_lang_get()), src);
}

static void print_settings(const fl_check_settings *s)
{
    static const char *const fail_on[] = {"info", "warning", "error", "never"};
    const char *none = fl_tr(FL_M_CFG_NONE);
    printf(fl_tr(FL_M_CFG_FILE), s->config.path ? s->config.path : none);
    line("format", s->format, fl_source_label(s->format_src));
    line(fl_tr(FL_M_CFG_DEFAULTS), fl_tr(s->default_rulesets ? FL_M_CFG_YES : FL_M_CFG_NO),
         fl_source_label(s->default_rulesets_src));
    for (size_t i = 0; i < s->rulesets.n; i++)
        line("ruleset", s->rulesets.v[i], fl_source_label(i < s->config_rulesets ? FL_SRC_CONFIG : FL_SRC_CLI));
    list("select", s->select.v, s->select.n, FL_M_CFG_ALL, s->select_src);
    list("ignore", s->ignore.v, s->ignore.n, FL_M_CFG_NONE, s->ignore_src);
    line("fail-on", fail_on[s->fail_on], fl_source_label(s->fail_on_src));
    char jobs[16];
    snprintf(jobs, sizeof jobs, "%d", s->jobs);
    line("jobs", jobs, fl_source_label(s->jobs_src));
    line("doc-type", s->doc_type ? s->doc_type : fl_tr(FL_M_CFG_DETECTED), fl_source_label(s->doc_type_src));
    line("as-of", s->as_of_text ? s->as_of_text : none, fl_source_label(s->as_of_src));
    line("baseline", s->baseline ? s->baseline : none, fl_source_label(s->baseline_src));
    line("corpus", s->corpus ? s->corpus : none, fl_source_label(s->corpus_src));
    lang_line();
    overrides(s);
    per_path(s);
}

int fl_cmd_config(int argc, char **argv)
{
    fl_check_settings s;
    int rc = fl_check_settings_parse(&s, argc, argv, false);
    if (rc < 0) {
        print_settings(&s);
        rc = 0;
    }
    fl_check_settings_free(&s);
    return rc;
}
