/* `filinglint rules` (list the rules that would run) and `filinglint explain
 * RULE` (what a rule checks, why — its basis — and its examples). Both load
 * the shipped rulesets plus any --ruleset, like check, so a rule being
 * written shows up here before it is ever run. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/editdist.h"
#include "core/i18n.h"
#include "report/report.h"
#include "rules/kind.h"
#include "rules/pattern.h"
#include "rules/ruleset.h"
#include "rules/suppress.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rules_args {
    char **paths;
    size_t npaths, cap;
    bool no_defaults;
    const char *rule; /* explain */
} rules_args;

enum { OPT_RULESET = 256, OPT_NO_DEFAULTS };

static const struct option long_opts[] = {
    {"ruleset", required_argument, NULL, OPT_RULESET},
    {"no-default-rulesets", no_argument, NULL, OPT_NO_DEFAULTS},
    {"lang", required_argument, NULL, FL_OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Labels and formats are rows of core/i18n.def; what the ruleset says
 * (summaries, descriptions, examples) is shown as written. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Returns -1 to go on, else an exit status. */
static int parse_args(rules_args *a, int argc, char **argv, bool explain)
{
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", long_opts, NULL)) != -1) {
        switch (c) {
        case OPT_RULESET:
            FL_VEC_RESERVE(a->paths, a->cap, a->npaths + 1);
            a->paths[a->npaths++] = optarg;
            break;
        case OPT_NO_DEFAULTS: a->no_defaults = true; break;
        case FL_OPT_LANG: {
            int rc = fl_cmd_lang_option(optarg);
            if (rc >= 0) return rc;
            break;
        }
        case 'h':
            fputs(fl_tr(explain ? FL_M_EXPLAIN_USAGE : FL_M_RULES_USAGE), stdout);
            return 0;
        case ':': return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[optind - 1]);
        default: return fl_cmd_unknown_option(argv, long_opts);
        }
    }
    if (explain) {
        if (optind + 1 != argc) return fl_cmd_usage_error("%s", fl_tr(FL_M_EXPLAIN_ONE));
        a->rule = argv[optind];
    } else if (optind != argc) {
        return fl_cmd_usage_error(fl_tr(FL_M_RULES_NO_ARGS), argv[optind]);
    }
    return -1;
}

static int load(fl_rules *set, const rules_args *a)
{
    fl_error err;
    fl_error_clear(&err);
    if (fl_rules_load_all(set, !a->no_defaults, a->paths, a->npaths, &err) == 0) return 0;
    fl_error_print(&err);
    return 3;
}

static void print_types(FILE *out, const fl_rule *r, const char *sep, const char *all)
{
    const char *const *t = r->ndoc_types ? r->doc_types : r->ruleset->applies_to;
    size_t n = r->ndoc_types ? r->ndoc_types : r->ruleset->napplies;
    if (!n) fputs(all, out);
    for (size_t i = 0; i < n; i++) fprintf(out, "%s%s", i ? sep : "", t[i]);
}

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const fl_rule *const *)a)->id, (*(const fl_rule *const *)b)->id);
}

int fl_cmd_rules(int argc, char **argv)
{
    rules_args a;
    fl_rules set;
    memset(&a, 0, sizeof a);
    fl_rules_init(&set);
    int rc = parse_args(&a, argc, argv, false);
    if (rc < 0 && !(rc = load(&set, &a))) {
        /* Users look rules up by id, whatever file defines them. */
        size_t n = set.nrules + FL_LINT_COUNT; /* the built-in LINT rules run with every set */
        const fl_rule **sorted = fl_xmalloc(n * sizeof *sorted);
        memcpy(sorted, set.all, set.nrules * sizeof *sorted);
        for (size_t k = 0; k < FL_LINT_COUNT; k++) sorted[set.nrules + k] = &fl_suppress_rules[k];
        qsort(sorted, n, sizeof *sorted, by_id);
        fl_buf row = FL_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            const fl_rule *r = sorted[i];
            char types[256];
            FILE *m = fmemopen(types, sizeof types, "w");
            print_types(m, r, ",", fl_tr(FL_M_CFG_ALL));
            fclose(m);
            types[sizeof types - 1] = '\0';
            fl_buf_clear(&row);
            fl_pad(&row, r->id, 8);
            fl_buf_addc(&row, ' ');
            fl_pad(&row, fl_report_severity(r->severity), 8);
            fl_buf_addc(&row, ' ');
            fl_pad(&row, types, 18);
            printf("%s %s\n", row.data, fl_report_rule_summary(r));
        }
        fl_buf_free(&row);
        free(sorted);
        rc = 0;
    }
    free(a.paths);
    fl_rules_free(&set);
    return rc;
}

static void print_block(const char *text, const char *prefix)
{
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        printf("%s%.*s\n", prefix, (int)n, p);
        p += n + (e != NULL);
    }
}

static void print_examples(const fl_rule *r, bool fail)
{
    bool first = true;
    for (size_t i = 0; i < r->nexamples; i++) {
        const fl_example *ex = &r->examples[i];
        if (ex->fail != fail) continue;
        printf(first ? "\n%s\n" : "\n", fl_tr(fail ? FL_M_X_MUST_REPORT : FL_M_X_MUST_PASS));
        first = false;
        const char *sep = fl_tr(FL_M_X_EX_SEP);
        if (ex->doc_type || ex->as_of) {
            printf("    (");
            if (ex->doc_type) printf("%s%s", ex->doc_type, ex->as_of ? sep : "");
            if (ex->as_of) printf(fl_tr(FL_M_X_EX_AS_OF), ex->as_of);
            printf(")\n");
        }
        if (ex->count || ex->at_line || ex->item) {
            const char *s = "";
            fputs(fl_tr(FL_M_X_EX_EXPECT), stdout);
            if (ex->count) printf(fl_tr(FL_M_X_EX_COUNT), ex->count), s = sep;
            if (ex->at_line) printf(fl_tr(FL_M_X_EX_LINE), s, ex->at_line), s = sep;
            if (ex->item) printf(fl_tr(FL_M_X_EX_ITEM), s, ex->item);
            printf("]\n");
        }
        for (size_t k = 0; k < ex->nprops; k++) printf(fl_tr(FL_M_X_EX_PROP), ex->props[k].name, ex->props[k].value);
        for (size_t k = 0; k < ex->nmarks; k++) {
            static const fl_msg what[] = {FL_M_X_MARK_INS,       FL_M_X_MARK_DEL,     FL_M_X_MARK_MOVE_TO,
                                          FL_M_X_MARK_MOVE_FROM, FL_M_X_MARK_COMMENT, FL_M_X_MARK_PLACEHOLDER};
            printf(fl_tr(FL_M_X_EX_MARK), ex->marks[k].line, fl_tr(what[ex->marks[k].kind]),
                   ex->marks[k].text ? fl_tr(FL_M_X_EX_COLON) : "", ex->marks[k].text ? ex->marks[k].text : "");
        }
        print_block(ex->text, "    | ");
    }
}

/* 依据 lines: each dated <basis> with its dates and types, then the rule's
 * own ("其他情形" when dated ones come first), then the rule's own dates:
 * "依据：《…》（生态环境部令第9号） 第…条（质量问题） 2019-11-01 起施行". */
static void print_bases(const fl_rule *r)
{
    char when[96];
    fl_buf line = FL_BUF_INIT;
    for (size_t i = 0; i < r->nbases; i++) {
        const fl_basis *b = &r->bases[i];
        printf(fl_tr(FL_M_X_BASIS), fl_basis_line(&line, b));
        if (fl_in_force_dated(&b->in_force)) printf(" %s", fl_in_force_text(&b->in_force, when, sizeof when));
        for (size_t k = 0; k < b->ndoc_types; k++) printf("%s%s", k ? " " : fl_tr(FL_M_X_FOR_TYPES), b->doc_types[k]);
        putchar('\n');
    }
    const char *own = fl_basis_line(&line, &r->basis);
    printf(fl_tr(FL_M_X_BASIS_OWN), r->nbases ? fl_tr(FL_M_X_OTHER_CASES) : "", *own ? own : "—");
    /* the rule's own dates: when a filing is checked at all, whatever it cites */
    if (fl_in_force_dated(&r->in_force))
        printf(fl_tr(FL_M_X_RULE_IN_FORCE), fl_in_force_text(&r->in_force, when, sizeof when));
    if (r->nunless_forms) {
        fl_buf forms = FL_BUF_INIT;
        for (size_t k = 0; k < r->nunless_forms; k++) fl_buf_printf(&forms, "%s%s", k ? " " : "", r->unless_forms[k]);
        printf(fl_tr(FL_M_X_UNLESS_FORM), forms.data);
        fl_buf_free(&forms);
    }
    if (r->ocr) printf(fl_tr(r->ocr == FL_OCR_WARN ? FL_M_X_OCR_WARN : FL_M_X_OCR_NOTE), r->ocr_below);
    fl_buf_free(&line);
}

/* Does src refer to a named pattern ({nt-form})? Digits first ({2}, {0,30})
 * are quantifiers, as the pattern reader has it. */
static bool has_named_ref(const char *src)
{
    for (const char *p = strchr(src, '{'); p; p = strchr(p + 1, '{')) {
        const char *q = p + 1;
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_')) continue;
        while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q == '_' ||
               *q == '-')
            q++;
        if (*q == '}') return true;
    }
    return false;
}

/* The check's details: what the kind says it looks for, then the
 * rule's conditions. */
static void write_details(const fl_rule *r, FILE *out)
{
    if (r->kind && r->kind->describe) r->kind->describe(r, out);
    for (size_t i = 0; i < r->nconds; i++)
        fprintf(out, fl_tr(FL_M_X_COND), r->conds[i].field,
                fl_tr(r->conds[i].matches ? FL_M_X_COND_MATCHES : FL_M_X_COND_HAS_VALUE),
                r->conds[i].matches ? r->conds[i].matches->source : "", r->conds[i].matches ? "/" : "",
                r->conds[i].run_if_missing ? fl_tr(FL_M_X_COND_OR_MISSING) : "");
}

typedef struct shown_pattern {
    const char *at; /* where the details first show it */
    const fl_pattern *p;
} shown_pattern;

/* The details with the patterns as the rule writer typed them
 * ("/{pp-scope}/"), then, for each of those that uses a named pattern, what
 * the engine compiles: the name says what a pattern is for, only its
 * expansion says which words of the filing it takes. */
static void print_details(const fl_rule *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *d = open_memstream(&text, &len);
    if (!d) { /* out of memory: the details as written, without the expansions */
        write_details(r, stdout);
        return;
    }
    write_details(r, d);
    fclose(d);
    fputs(text, stdout);
    shown_pattern *shown = NULL;
    size_t n = 0, cap = 0;
    fl_buf needle = FL_BUF_INIT;
    for (const fl_pattern *p = r->kind ? r->ruleset->patterns : NULL; p; p = p->next) {
        if (!p->expanded || !has_named_ref(p->source)) continue;
        fl_buf_clear(&needle);
        fl_buf_printf(&needle, "/%s/", p->source);
        const char *at = strstr(text, needle.data);
        bool dup = false;
        for (size_t i = 0; i < n && at && !dup; i++) dup = shown[i].at == at;
        if (!at || dup) continue;
        if (n == cap) shown = fl_xrealloc(shown, (cap = cap ? 2 * cap : 8) * sizeof *shown);
        /* in the order the details show them (the ruleset's list runs backwards) */
        size_t k = n++;
        for (; k > 0 && shown[k - 1].at > at; k--) shown[k] = shown[k - 1];
        shown[k] = (shown_pattern){at, p};
    }
    if (n) fputs(fl_tr(FL_M_X_EXPANDED), stdout);
    for (size_t i = 0; i < n; i++) printf(fl_tr(FL_M_X_EXPANDED_ONE), shown[i].p->source, shown[i].p->expanded);
    fl_buf_free(&needle);
    free(shown);
    free(text);
}

/* In English the labels are English and the ruleset's Chinese (summary,
 * the check's own details, the description that quotes the law) is shown
 * as such; the English message comes first. */
static void explain(const fl_rule *r)
{
    bool en = fl_lang_get() == FL_LANG_EN;
    printf("%s  %s  %s\n", r->id, fl_report_severity(r->severity), r->category);
    printf(fl_tr(FL_M_X_SUMMARY_ZH), r->summary);
    fputs(fl_tr(FL_M_X_APPLIES), stdout);
    print_types(stdout, r, " ", fl_tr(FL_M_CFG_ALL));
    for (size_t i = 0; i < r->nsev_overrides; i++)
        printf(fl_tr(FL_M_X_SEV_IN), r->sev_overrides[i].doc_type, fl_report_severity(r->sev_overrides[i].severity));
    putchar('\n');
    print_bases(r);
    if (!r->kind) { /* LINT001/LINT002: code in rules/suppress.c, not a ruleset entry */
        fputs(fl_tr(FL_M_X_BUILT_IN), stdout);
    } else {
        printf(fl_tr(FL_M_X_RULESET), r->ruleset->path, r->line);
        if (r->ruleset->id) printf(fl_tr(FL_M_X_RULESET_ID), r->ruleset->id);
        printf(fl_tr(FL_M_X_KIND), r->kind->name);
    }
    print_details(r);
    if (r->description) {
        fputs(fl_tr(FL_M_X_DESCRIPTION), stdout);
        print_block(r->description, "  ");
    }
    const char *first = en && r->message_en ? r->message_en : r->message;
    const char *other = en ? (r->message_en ? r->message : NULL) : r->message_en;
    if (!en || r->message_en) printf(fl_tr(FL_M_X_MESSAGE), first);
    else putchar('\n');
    if (other) printf(fl_tr(FL_M_X_MESSAGE_OTHER), other);
    print_examples(r, true);
    print_examples(r, false);
    printf(fl_tr(FL_M_X_OFF), r->id);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

void fl_cmd_near_rules(const fl_rules *set, const char *id, char *out, size_t cap)
{
    out[0] = '\0';
    char word[64];
    size_t len = 0;
    for (; id[len] && len + 1 < sizeof word; len++) /* ids are upper case: eia10 means EIA10 */
        word[len] = (char)(id[len] >= 'a' && id[len] <= 'z' ? id[len] - 'a' + 'A' : id[len]);
    word[len] = '\0';
    size_t n = set->nrules + FL_LINT_COUNT;
    const char **ids = fl_xmalloc(n * sizeof *ids);
    for (size_t i = 0; i < set->nrules; i++) ids[i] = set->all[i]->id;
    for (size_t k = 0; k < FL_LINT_COUNT; k++) ids[set->nrules + k] = fl_suppress_rules[k].id;
    qsort(ids, n, sizeof *ids, cmp_str); /* suggestions in id order */
    enum { SHOW = 5 };
    const char *near[SHOW + 1];
    size_t k = fl_nearest(word, ids, n, 2, near, SHOW + 1);
    size_t o = 0;
    for (size_t i = 0; i < k && i < SHOW && o < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s",
                              i ? fl_tr(i + 1 == k ? FL_M_LIST_OR : FL_M_LIST_COMMA) : fl_tr(FL_M_NEAR_RULES), near[i]);
    if (k && o < cap) snprintf(out + o, cap - o, fl_tr(FL_M_NEAR_RULES_END), k > SHOW ? "…" : "");
    /* nothing near (EIA9999): the range of its family's ids still helps */
    size_t letters = 0;
    while (word[letters] >= 'A' && word[letters] <= 'Z') letters++;
    const char *first = NULL, *last = NULL;
    for (size_t i = 0; !k && letters >= 2 && i < n; i++)
        if (!strncmp(ids[i], word, letters) && ids[i][letters] >= '0' && ids[i][letters] <= '9') {
            if (!first) first = ids[i];
            last = ids[i];
        }
    if (first) {
        char family[64];
        snprintf(family, sizeof family, "%.*s", (int)letters, word);
        snprintf(out, cap, fl_tr(FL_M_RULE_RANGE), family, first, last);
    }
    free(ids);
}

int fl_cmd_explain(int argc, char **argv)
{
    rules_args a;
    fl_rules set;
    memset(&a, 0, sizeof a);
    fl_rules_init(&set);
    int rc = parse_args(&a, argc, argv, true);
    if (rc < 0 && !(rc = load(&set, &a))) {
        char id[64];
        size_t k = 0;
        for (; a.rule[k] && k + 1 < sizeof id; k++) /* doc001 means DOC001 */
            id[k] = (char)(a.rule[k] >= 'a' && a.rule[k] <= 'z' ? a.rule[k] - 'a' + 'A' : a.rule[k]);
        id[k] = '\0';
        const fl_rule *r = fl_rules_find(&set, id);
        for (size_t k = 0; !r && k < FL_LINT_COUNT; k++)
            if (!strcmp(fl_suppress_rules[k].id, id)) r = &fl_suppress_rules[k];
        if (r) explain(r);
        char near[200] = "";
        if (!r) fl_cmd_near_rules(&set, a.rule, near, sizeof near);
        rc = r ? 0 : fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_RULE), a.rule, near);
    }
    free(a.paths);
    fl_rules_free(&set);
    return rc;
}
