/* `filinglint config [CHECK OPTIONS] [PATH...]`: print the settings a
 * `check` with the same options would use, each with where it came from
 * (default, config, command line), the per-path overrides, and for each
 * PATH given the selection that applies to it. Nothing is linted. */
#include "cmd/check.h"
#include "cmd/cmd.h"
#include "rules/ruleset.h"
#include <stdio.h>

static void list(const char *key, char *const *v, size_t n, const char *none, fl_source src)
{
    printf("%s: ", key);
    if (!n) fputs(none, stdout);
    for (size_t i = 0; i < n; i++) printf("%s%s", i ? "," : "", v[i]);
    printf(" (%s)\n", fl_source_names[src]);
}

static void overrides(const fl_check_settings *s)
{
    const fl_config *c = &s->config;
    for (size_t i = 0; i < c->noverrides; i++) {
        const fl_config_override *o = &c->overrides[i];
        printf("override %s (line %d):", o->pattern, o->line);
        const char *sep = " ";
        if (o->select.n || o->ignore.n) {
            if (!s->overrides_active) {
                printf("%sselect/ignore not applied (--select/--ignore given)", sep);
                sep = "; ";
            } else {
                for (size_t k = 0; k < o->select.n; k++, sep = "; ") printf("%sselect %s", sep, o->select.v[k]);
                for (size_t k = 0; k < o->ignore.n; k++, sep = "; ") printf("%signore %s", sep, o->ignore.v[k]);
            }
        }
        if (o->doc_type)
            printf("%sdoc-type %s%s", sep, o->doc_type, s->doc_type_src == FL_SRC_CLI ? " (not applied: --doc-type given)" : "");
        putchar('\n');
    }
}

static void per_path(const fl_check_settings *s)
{
    for (size_t i = 0; i < s->inputs.n; i++) {
        fl_file_selection sel;
        fl_check_file_selection(s, s->inputs.v[i], &sel);
        printf("%s: select ", s->inputs.v[i]);
        if (!sel.nselect) fputs("all", stdout);
        for (size_t k = 0; k < sel.nselect; k++) printf("%s%s", k ? "," : "", sel.select[k]);
        fputs("; ignore ", stdout);
        if (!sel.nignore) fputs("none", stdout);
        for (size_t k = 0; k < sel.nignore; k++) printf("%s%s", k ? "," : "", sel.ignore[k]);
        printf("; doc-type %s\n", sel.doc_type ? sel.doc_type : "detected");
        fl_file_selection_free(&sel);
    }
}

static void print_settings(const fl_check_settings *s)
{
    static const char *const fail_on[] = {"info", "warning", "error", "never"};
    printf("config file: %s\n", s->config.path ? s->config.path : "none");
    printf("format: %s (%s)\n", s->format, fl_source_names[s->format_src]);
    printf("default rulesets: %s (%s)\n", s->default_rulesets ? "yes" : "no", fl_source_names[s->default_rulesets_src]);
    for (size_t i = 0; i < s->rulesets.n; i++)
        printf("ruleset: %s (%s)\n", s->rulesets.v[i], fl_source_names[i < s->config_rulesets ? FL_SRC_CONFIG : FL_SRC_CLI]);
    list("select", s->select.v, s->select.n, "all", s->select_src);
    list("ignore", s->ignore.v, s->ignore.n, "none", s->ignore_src);
    printf("fail-on: %s (%s)\n", fail_on[s->fail_on], fl_source_names[s->fail_on_src]);
    printf("jobs: %d (%s)\n", s->jobs, fl_source_names[s->jobs_src]);
    printf("doc-type: %s (%s)\n", s->doc_type ? s->doc_type : "detected", fl_source_names[s->doc_type_src]);
    printf("as-of: %s (%s)\n", s->as_of_text ? s->as_of_text : "none", fl_source_names[s->as_of_src]);
    printf("baseline: %s (%s)\n", s->baseline ? s->baseline : "none", fl_source_names[s->baseline_src]);
    printf("corpus: %s (%s)\n", s->corpus ? s->corpus : "none", fl_source_names[s->corpus_src]);
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
