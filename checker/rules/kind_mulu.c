/* Kind `mulu`: a 报告表 whose own text meets the 报告书 column of the 名录 item
 * its 建设项目行业类别 names (rulesets/data/mulu.xml, data/mulu.h).
 *
 *   <mulu field="建设项目行业类别" nature="建设性质"
 *         scope="工程分析|建设内容" exclude="原有环境污染问题"
 *         unverified-severity="warning">                                EIA108
 *     <unless>不涉及|现有|周边|外协</unless>
 *   </mulu>
 *
 * Decided only where the filing decides it: the judging date is on or after
 * the day the table's edition took effect (before it an earlier 名录 with
 * other items applied: silent); the field names an item of the table by a
 * class name; and a test of that item's <judge> finds its fact in a sentence
 * of the scope that neither the test's nor the rule's unless pattern turns
 * into something else (a negation, the existing plant, a neighbour, work sent
 * out). Scales (new-only tests) are read only for a 新建 project: the 名录
 * counts new scale and an extension states its total. One finding per
 * document, at the first sentence that decides it (an item whose 报告表
 * column is empty: at the field). A field naming several items (a project
 * over several categories takes the highest) is judged by each of them.
 * Rows the table marks as written from memory (conf M) report at
 * unverified-severity.
 *
 * Placeholders: {item} the item (chapter and number), {criterion} the
 * 报告书 criterion met, {evidence} the words that meet it, {declared} the
 * field's value, {edition} the 名录's title and 令号. */
#include "rules/kind.h"
#include "data/mulu.h"
#include "core/quantity.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct mulu_k {
    fl_scope_spec scope;
    const fl_mulu *tab;
    const char *field, *nature;
    const fl_pattern *unless;     /* the rule's, NULL when none */
    const fl_pattern **match;     /* by test index */
    const fl_pattern **tunless;   /* by test index, NULL entries when none */
    int unverified;               /* severity of conf M rows; -1: the rule's */
} mulu_k;

static const char *const vars[] = {"item", "criterion", "evidence", "declared", "edition", NULL};

static int load_table(void **out, const char *path, fl_error *err)
{
    fl_mulu *t = NULL;
    int rc = fl_mulu_load(&t, path, err);
    *out = t;
    return rc;
}

static void free_table(void *t) { fl_mulu_free(t); }

/* A pattern of the table compiled like a rule pattern; an error names the
 * table's file and the test's line, where the specialist has to fix it. */
static int table_pattern(fl_loader *ld, const xmlNode *el, const fl_mulu *tab, const fl_mulu_test *ts, const char *src,
                         const fl_pattern **out, fl_error *err)
{
    if (!fl_loader_pattern(ld, el, src, out, err)) return 0;
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%s", err->message);
    return fl_error_at(err, FL_E_RULESET, tab->path, ts->line, "pattern of a <judge> test: %s", msg);
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    mulu_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *data = fl_loader_attr(ld, el, "data");
    void *tab;
    if (fl_loader_table(ld, el, data ? data : "mulu", load_table, free_table, &tab, err)) return -1;
    k->tab = tab;
    k->field = fl_loader_attr(ld, el, "field");
    if (!k->field) k->field = "建设项目行业类别";
    k->nature = fl_loader_attr(ld, el, "nature");
    if (!k->nature) k->nature = "建设性质";
    if (fl_loader_severity(ld, el, "unverified-severity", &k->unverified, err)) return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "unless") || k->unless)
            return fl_loader_error(err, ld, c, "<mulu> holds at most one <unless> pattern");
        if (fl_loader_pattern_text(ld, c, &k->unless, err)) return -1;
    }
    size_t nt = k->tab->ntests;
    k->match = fl_loader_alloc(ld, (nt + 1) * sizeof *k->match);
    k->tunless = fl_loader_alloc(ld, (nt + 1) * sizeof *k->tunless);
    for (size_t i = 0; i < k->tab->n; i++)
        for (size_t j = 0; j < k->tab->items[i].ntests; j++) {
            const fl_mulu_test *ts = &k->tab->items[i].tests[j];
            if (ts->match && table_pattern(ld, el, k->tab, ts, ts->match, &k->match[ts->index], err)) return -1;
            if (ts->unless && table_pattern(ld, el, k->tab, ts, ts->unless, &k->tunless[ts->index], err)) return -1;
        }
    rule->data = k;
    return 0;
}

/* ---- evidence ------------------------------------------------------------ */

typedef struct found { size_t start, end; } found;

/* Does pattern p (NULL: none) match in [a, e) of block b? 1 yes, 0 no, -1 a
 * limit (the rule is marked failed). */
static int holds(fl_scan *s, const fl_pattern *p, int b, size_t a, size_t e)
{
    size_t ms, me;
    return p ? fl_scan_find(s, p, b, a, e, &ms, &me) : 0;
}

static bool at(const char *t, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && !memcmp(t + i, w, n);
}

/* The clause of [ms, me) inside the sentence [a, e): between commas and
 * the 、 of a list, where a number belongs to the words next to it
 * (溶剂型涂料3t/a、粉末涂料12t/a: the 12 is the powder's). */
static void clause(const char *t, size_t a, size_t e, size_t ms, size_t me, size_t *ca, size_t *ce)
{
    static const char *const cuts[] = {",", "，", ":", "、", NULL};
    /* walked outwards from the match: a sentence of many clauses costs each
     * match its own clause only */
    *ca = a;
    for (size_t i = ms; i > a && *ca == a; i--)
        for (const char *const *c = cuts; *c; c++) {
            size_t l = strlen(*c);
            if (i - a >= l && !memcmp(t + i - l, *c, l)) {
                *ca = i;
                break;
            }
        }
    *ce = e;
    for (size_t i = me; i < *ce; i++)
        for (const char *const *c = cuts; *c; c++)
            if (at(t, e, i, *c)) {
                *ce = i;
                break;
            }
}

/* Does a quantity in the clause reach the test's threshold? An amount a
 * comparator caps (≤, 不超过) or an approximation (约) decides nothing. A mass
 * counts as a mass a year when the clause says so (年产, 年用). */
static bool amount_meets(const fl_mulu_test *ts, const char *t, size_t ca, size_t ce, found *f)
{
    bool per_year = false;
    for (size_t i = ca; i < ce; i++)
        if (at(t, ce, i, "年")) per_year = true;
    for (size_t pos = ca; pos < ce;) {
        fl_quantity q;
        if (!fl_quantity_find(&q, t + pos, ce - pos)) break;
        size_t qs = pos + q.start, qe = pos + q.end;
        pos = qe > pos ? qe : pos + 1;
        if (q.approx || q.cmp == FL_QCMP_LE || q.cmp == FL_QCMP_LT) continue;
        bool dim = q.dim == ts->min.dim || (ts->min.dim == FL_DIM_MASS_RATE && q.dim == FL_DIM_MASS && per_year);
        if (!dim) continue;
        double need = ts->min.base;
        if (ts->strict ? q.base > need * (1 + 1e-9) : q.base >= need * (1 - 1e-9)) {
            if (qs < f->start) f->start = qs;
            if (qe > f->end) f->end = qe;
            return true;
        }
    }
    return false;
}

/* A count of the test's unit in the clause: 600张, 1万头, 1.2万头. */
static bool count_meets(const fl_mulu_test *ts, const char *t, size_t ca, size_t ce, found *f)
{
    for (size_t i = ca; i < ce; i++) {
        if (t[i] < '0' || t[i] > '9' || (i > ca && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '.'))) continue;
        fl_qnum n;
        size_t j = fl_qnum_read(t, ce, i, &n);
        if (!j) continue;
        double mult = 1;
        if (at(t, ce, j, "万")) {
            mult = 1e4;
            j += strlen("万");
        }
        while (j < ce && t[j] == ' ') j++;
        if (!at(t, ce, j, ts->unit)) continue;
        if (fl_qnum_scale(&n, 0, mult) >= ts->count_min) {
            if (i < f->start) f->start = i;
            size_t end = j + strlen(ts->unit);
            if (end > f->end) f->end = end;
            return true;
        }
    }
    return false;
}

/* The first place in block b where test ts is met; 1 found, 0 not, -1 a limit. */
static int test_block(fl_scan *s, const mulu_k *k, const fl_mulu_test *ts, int b, found *f)
{
    const fl_norm *n = fl_scan_norm(s, b);
    const fl_pattern *p = k->match[ts->index];
    size_t from = 0, ms, me;
    int r = 0;
    size_t sa = SIZE_MAX; /* the sentence whose rule exceptions were looked at last */
    int sbl = 0;
    while (from < n->len && (r = fl_scan_find(s, p, b, from, SIZE_MAX, &ms, &me)) == 1) {
        size_t a, e;
        fl_scan_sentence(s, b, ms, &a, &e);
        /* the rule's exceptions (negations, the existing plant, neighbours)
         * hold for the whole sentence: looked at once per sentence */
        if (a != sa) {
            sa = a;
            sbl = holds(s, k->unless, b, a, e);
            if (sbl < 0) return -1;
        }
        if (sbl) {
            from = e > me ? e : me;
            if (from <= ms) from = ms + 1;
            continue;
        }
        f->start = ms;
        f->end = me;
        /* the test's own: for a fact, the sentence; for a number, the clause
         * it stands in (存栏 600 头 beside 年出栏生猪 1.2 万头 is another number).
         * Every match in the same stretch would find the same: go past it. */
        size_t ca = a, ce = e;
        if (ts->kind != FL_MULU_TEXT) clause(n->text, a, e, ms, me, &ca, &ce);
        from = ce > me ? ce : me;
        if (from <= ms) from = ms + 1; /* an empty match moves on */
        int bl = holds(s, k->tunless[ts->index], b, ca, ce);
        if (bl < 0) return -1;
        if (bl) continue;
        if (ts->kind == FL_MULU_TEXT) return 1;
        if (ts->kind == FL_MULU_AMOUNT ? amount_meets(ts, n->text, ca, ce, f) : count_meets(ts, n->text, ca, ce, f))
            return 1;
    }
    return from < n->len && r < 0 ? -1 : 0;
}

/* ---- running ------------------------------------------------------------- */

static bool is_new_build(const fl_doc *doc, const char *name)
{
    const fl_field *f = fl_doc_field(doc, name);
    if (!f || !f->value) return false;
    return strstr(f->value, "新建") && !strstr(f->value, "改建") && !strstr(f->value, "扩建") && !strstr(f->value, "技术改造");
}

static const char *item_name(fl_scan *s, const fl_mulu_item *it)
{
    fl_arena *a = fl_scan_arena(s);
    size_t n = strlen(it->chapter_no) + strlen(it->chapter_name) + strlen(it->no) + 32;
    char *r = fl_arena_alloc(a, n);
    snprintf(r, n, "%s、%s 第%s项", it->chapter_no, it->chapter_name, it->no);
    return r;
}

static void emit(fl_scan *s, const mulu_k *k, const fl_mulu_item *it, const fl_mulu_test *ts, int b, const found *f,
                 const fl_field *fld)
{
    fl_hit h = {.block = b, .span = f != NULL, .severity = it->conf == 'M' ? k->unverified : -1};
    if (f) {
        h.start = f->start;
        h.end = f->end;
    }
    size_t el = strlen(k->tab->title) + strlen(k->tab->edition) + 16;
    char *ed = fl_arena_alloc(fl_scan_arena(s), el);
    snprintf(ed, el, "《%s》（%s）", k->tab->title, k->tab->edition);
    fl_hit_var(&h, "item", item_name(s, it));
    fl_hit_var(&h, "criterion", ts->say);
    fl_hit_var(&h, "evidence", f ? fl_scan_typed(s, b, f->start, f->end) : fld->value);
    fl_hit_var(&h, "declared", fld->value);
    fl_hit_var(&h, "edition", ed);
    fl_scan_emit(s, &h);
}

#define MAX_ITEMS 8

static void run(const fl_rule *rule, fl_scan *s)
{
    const mulu_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    /* to the day; a date known to the month or year counts from its first day */
    fl_date d = fl_scan_judging(s)->date;
    if (!d.y) return;
    if (!d.m) d.m = 1;
    if (!d.d) d.d = 1;
    if (fl_date_cmp(&d, &k->tab->from) < 0) return;
    const fl_field *fld = fl_doc_field(doc, k->field);
    if (!fld || !fld->value) return;
    const fl_mulu_item *items[MAX_ITEMS];
    size_t ni = fl_mulu_lookup(k->tab, fld->value, items, MAX_ITEMS);
    if (!ni) return;
    for (size_t i = 0; i < ni; i++)
        for (size_t j = 0; j < items[i]->ntests; j++)
            if (items[i]->tests[j].kind == FL_MULU_ALL) {
                emit(s, k, items[i], &items[i]->tests[j], fld->block, NULL, fld);
                return;
            }
    bool newbuild = is_new_build(doc, k->nature);
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    for (size_t bi = 0; bi < sc->nblocks; bi++) {
        int b = sc->blocks[bi];
        for (size_t i = 0; i < ni; i++)
            for (size_t j = 0; j < items[i]->ntests; j++) {
                const fl_mulu_test *ts = &items[i]->tests[j];
                if (ts->kind == FL_MULU_ALL || (ts->new_only && !newbuild)) continue;
                found f;
                int r = test_block(s, k, ts, b, &f);
                if (r < 0) return; /* a limit: the rule is marked failed */
                if (r) {
                    emit(s, k, items[i], ts, b, &f, fld);
                    return;
                }
            }
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const mulu_k *k = rule->data;
    const fl_mulu *t = k->tab;
    fl_scope_describe(&k->scope, out);
    size_t judged = 0, memory = 0;
    for (size_t i = 0; i < t->n; i++) {
        judged += t->items[i].ntests > 0;
        memory += t->items[i].conf == 'M';
    }
    fprintf(out, "名录表：%s（《%s》，%s，%d-%02d-%02d 起施行；%zu 项，其中可判断报告书条件的 %zu 项，凭记忆录入未经核实的 %zu 项）\n",
            t->path, t->title, t->edition, t->from.y, t->from.m, t->from.d, t->n, judged, memory);
    fprintf(out, "读取字段：%s（按名录项目类别名称匹配，不按序号）；建设性质：%s\n", k->field, k->nature);
    fprintf(out, "判断：判断日期在该版名录施行之日或以后；文中同一句写明该项报告书条件（化学反应、电镀工艺、再生塑料原料等），"
                 "或写明达到报告书规模（规模只对新建项目判断）；报告表栏为“/”的项目直接判断\n");
    fprintf(out, "不判断：施行前的文件（适用此前的名录）；名录表外的类别；只写序号不写类别名称的；涉及环境敏感区的条件；"
                 "折合猪的养殖规模、“有提炼工艺”等需要判断的条件；改建、扩建、技术改造项目的规模\n");
    if (k->unless) fprintf(out, "除非同一句中出现：/%s/\n", k->unless->source);
}

const fl_kind fl_kind_mulu = {"mulu", vars, parse, run, describe};
