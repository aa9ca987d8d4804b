/* `filinglint rules` (list the rules that would run) and `filinglint explain
 * RULE` (what a rule checks, why — its basis — and its examples). Both load
 * the shipped rulesets plus any --ruleset, like check, so a rule being
 * written shows up here before it is ever run. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/editdist.h"
#include "rules/kind.h"
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
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

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
        case 'h':
            printf(explain ? "usage: filinglint explain [--ruleset R]... [--no-default-rulesets] RULE\n"
                           : "usage: filinglint rules [--ruleset R]... [--no-default-rulesets]\n");
            return 0;
        case ':': return fl_cmd_usage_error("option %s needs a value", argv[optind - 1]);
        default: return fl_cmd_unknown_option(argv, long_opts);
        }
    }
    if (explain) {
        if (optind + 1 != argc) return fl_cmd_usage_error("explain wants one rule id, e.g. filinglint explain DOC001");
        a->rule = argv[optind];
    } else if (optind != argc) {
        return fl_cmd_usage_error("rules takes no arguments besides --ruleset (got '%s')", argv[optind]);
    }
    return -1;
}

static int load(fl_rules *set, const rules_args *a)
{
    fl_error err;
    fl_error_clear(&err);
    if (fl_rules_load_all(set, !a->no_defaults, a->paths, a->npaths, &err) == 0) return 0;
    char line[1600];
    fprintf(stderr, "%s\n", fl_error_format(&err, line, sizeof line));
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
        for (size_t i = 0; i < n; i++) {
            const fl_rule *r = sorted[i];
            char types[256];
            FILE *m = fmemopen(types, sizeof types, "w");
            print_types(m, r, ",", "all");
            fclose(m);
            types[sizeof types - 1] = '\0';
            printf("%-8s %-8s %-18s %s\n", r->id, fl_severity_name(r->severity), types, r->summary);
        }
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
        printf(first ? "\n%s\n" : "\n", fail ? "应报告的示例 (must be reported):" : "不应报告的示例 (must pass):");
        first = false;
        if (ex->doc_type || ex->as_of) {
            printf("    (");
            if (ex->doc_type) printf("%s%s", ex->doc_type, ex->as_of ? "，" : "");
            if (ex->as_of) printf("按 %s 判断", ex->as_of);
            printf(")\n");
        }
        if (ex->count || ex->at_line || ex->item) {
            const char *sep = "";
            printf("    [应报告：");
            if (ex->count) printf("%d 处", ex->count), sep = "，";
            if (ex->at_line) printf("%s第 %d 行", sep, ex->at_line), sep = "，";
            if (ex->item) printf("%s项目“%s”", sep, ex->item);
            printf("]\n");
        }
        for (size_t k = 0; k < ex->nprops; k++) printf("    [文档属性 %s = %s]\n", ex->props[k].name, ex->props[k].value);
        for (size_t k = 0; k < ex->nmarks; k++) {
            static const char *const what[] = {"修订：插入", "修订：删除", "修订：移入", "修订：移出", "批注", "占位符"};
            printf("    [第 %d 行 %s%s%s]\n", ex->marks[k].line, what[ex->marks[k].kind],
                   ex->marks[k].text ? "：" : "", ex->marks[k].text ? ex->marks[k].text : "");
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
        printf("依据：%s", fl_basis_line(&line, b));
        if (fl_in_force_dated(&b->in_force)) printf(" %s", fl_in_force_text(&b->in_force, when, sizeof when));
        for (size_t k = 0; k < b->ndoc_types; k++) printf("%s%s", k ? " " : "；适用于 ", b->doc_types[k]);
        putchar('\n');
    }
    const char *own = fl_basis_line(&line, &r->basis);
    printf("依据%s：%s\n", r->nbases ? "（其他情形）" : "", *own ? own : "—");
    /* the rule's own dates: when a filing is checked at all, whatever it cites */
    if (fl_in_force_dated(&r->in_force))
        printf("本规则：%s（按判断日期：--as-of，否则文件自身的日期）\n", fl_in_force_text(&r->in_force, when, sizeof when));
    fl_buf_free(&line);
}

static void explain(const fl_rule *r)
{
    printf("%s  %s  %s\n", r->id, fl_severity_name(r->severity), r->category);
    printf("  %s\n", r->summary);
    printf("适用文件：");
    print_types(stdout, r, " ", "全部 (all)");
    for (size_t i = 0; i < r->nsev_overrides; i++)
        printf("；%s 中为 %s", r->sev_overrides[i].doc_type, fl_severity_name(r->sev_overrides[i].severity));
    putchar('\n');
    print_bases(r);
    if (!r->kind) { /* LINT001/LINT002: code in rules/suppress.c, not a ruleset entry */
        printf("规则集：filinglint 内置 (built in)\n检查方式：suppression\n");
    } else {
        printf("规则集：%s:%d", r->ruleset->path, r->line);
        if (r->ruleset->id) printf(" (%s)", r->ruleset->id);
        printf("\n检查方式：%s\n", r->kind->name);
        if (r->kind->describe) r->kind->describe(r, stdout);
    }
    for (size_t i = 0; i < r->nconds; i++)
        printf("条件：字段“%s”%s%s%s%s\n", r->conds[i].field, r->conds[i].matches ? "匹配 /" : "有值",
               r->conds[i].matches ? r->conds[i].matches->source : "", r->conds[i].matches ? "/" : "",
               r->conds[i].run_if_missing ? "，或没有该字段" : "");
    if (r->description) {
        printf("\n说明：\n");
        print_block(r->description, "  ");
    }
    printf("\n提示信息：%s\n", r->message);
    if (r->message_en) printf("Message: %s\n", r->message_en);
    print_examples(r, true);
    print_examples(r, false);
    printf("\n关闭此规则：--ignore %s\n", r->id);
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
        o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? (i + 1 == k ? " or " : ", ") : "; did you mean ", near[i]);
    if (k && o < cap) snprintf(out + o, cap - o, "%s?", k > SHOW ? "…" : "");
    /* nothing near (EIA9999): the range of its family's ids still helps */
    size_t letters = 0;
    while (word[letters] >= 'A' && word[letters] <= 'Z') letters++;
    const char *first = NULL, *last = NULL;
    for (size_t i = 0; !k && letters >= 2 && i < n; i++)
        if (!strncmp(ids[i], word, letters) && ids[i][letters] >= '0' && ids[i][letters] <= '9') {
            if (!first) first = ids[i];
            last = ids[i];
        }
    if (first) snprintf(out, cap, "; the %.*s rules are %s to %s", (int)letters, word, first, last);
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
        rc = r ? 0 : fl_cmd_usage_error("unknown rule %s%s ('filinglint rules' lists them)", a.rule, near);
    }
    free(a.paths);
    fl_rules_free(&set);
    return rc;
}
