/* Kind `fields`: compares the key facts read from the filing (model/fields.c)
 * with each other, with dates in the text, and with --as-of. Each comparison
 * is one child element; the operators are a table below, so a new comparison
 * (sum of amounts for SOIL104, duration limit by project type for SOIL103) is
 * one parse function, one run function and one row.
 *
 *   <fields>
 *     <same fields="项目名称 建设项目名称"/>                 every occurrence equal (EIA301)
 *     <differ field="项目单位" from="立项批复单位 实施方案审查单位"/>  (SOIL105)
 *     <not-after match="(监测|采样)(日期|时间)[:：]?\S+" than="编制日期"/>   (EIA202)
 *     <not-after column="监测日期|采样日期" than="编制日期"/>         table columns
 *     <check-digit fields="统一社会信用代码" algorithm="gb32100"/>   (EIA504)
 *   </fields>
 *
 * A comparison with since/until runs only on the dates it is in force.
 */
#include "rules/kind.h"
#include "rules/codecheck.h"
#include "core/daterange.h"
#include "core/date.h"
#include <stdint.h>
#include <string.h>

typedef struct op op;
typedef struct cmp {
    const op *op;
    const char **names; size_t nnames;   /* same: fields; differ: field */
    const char **others; size_t nothers; /* differ: from; not-after: than */
    const char *field;                   /* not-after: a field holding the date */
    fl_scope_spec scope;                 /* not-after: where to look for match */
    const fl_pattern *match;
    const fl_pattern *column;            /* not-after: header of a table column of dates */
    const char *algorithm;               /* check-digit */
    fl_in_force in_force;                /* the comparison applies only on these dates */
} cmp;

struct op {
    const char *name;
    int (*parse)(cmp *c, const xmlNode *el, fl_loader *ld, fl_error *err);
    void (*run)(const cmp *c, fl_scan *s);
};

typedef struct fields_k { cmp *cmps; size_t n; } fields_k;

static const char *const vars[] = {"field", "value", "expected", "other", "reason", NULL};

/* Field values compare without white space and with full-width folded. */
static const char *norm_value(fl_scan *s, const char *v)
{
    return fl_norm_label(fl_scan_arena(s), v ? v : "", v ? strlen(v) : 0);
}

static bool name_in(const char *name, const char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name)) return true;
    return false;
}

/* ---- same ---------------------------------------------------------------- */

static int parse_same(cmp *c, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    c->nnames = fl_loader_list(ld, fl_loader_attr(ld, el, "fields"), true, &c->names);
    if (!c->nnames) return fl_loader_error(err, ld, el, "<same> needs fields=\"名称 ...\"");
    return 0;
}

static void run_same(const cmp *c, fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_field *first = NULL;
    const char *first_v = NULL;
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (!name_in(f->name, c->names, c->nnames)) continue;
        const char *v = norm_value(s, f->value);
        if (!*v) continue;
        if (!first) {
            first = f;
            first_v = v;
            continue;
        }
        if (!strcmp(v, first_v)) continue;
        fl_hit h = {.block = f->block, .severity = -1};
        fl_hit_var(&h, "field", f->name);
        fl_hit_var(&h, "value", f->value);
        fl_hit_var(&h, "expected", first->value);
        fl_hit_var(&h, "other", first->name);
        fl_hit_var(&h, "reason", "");
        fl_scan_emit(s, &h);
    }
}

/* ---- differ -------------------------------------------------------------- */

static int parse_differ(cmp *c, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    c->nnames = fl_loader_list(ld, fl_loader_attr(ld, el, "field"), true, &c->names);
    c->nothers = fl_loader_list(ld, fl_loader_attr(ld, el, "from"), true, &c->others);
    if (c->nnames != 1 || !c->nothers) return fl_loader_error(err, ld, el, "<differ> needs field=\"名称\" and from=\"名称 ...\"");
    return 0;
}

/* The first occurrence of a field whose value is not empty: a cover line
 * "项目单位（盖章）：" may carry only a seal image, the table the name. */
static const fl_field *first_filled(fl_scan *s, const char *name, const char **value)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (strcmp(f->name, name) != 0) continue;
        const char *v = norm_value(s, f->value);
        if (*v) {
            *value = v;
            return f;
        }
    }
    return NULL;
}

static void run_differ(const cmp *c, fl_scan *s)
{
    const char *av;
    const fl_field *a = first_filled(s, c->names[0], &av);
    if (!a) return;
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < c->nothers; i++)
        for (size_t k = 0; k < doc->nfields; k++) { /* every occurrence of the other field */
            const fl_field *b = &doc->fields[k];
            if (strcmp(b->name, c->others[i]) != 0 || strcmp(av, norm_value(s, b->value)) != 0) continue;
            fl_hit h = {.block = b->block, .severity = -1};
            fl_hit_var(&h, "field", a->name);
            fl_hit_var(&h, "value", a->value);
            fl_hit_var(&h, "other", b->name);
            fl_hit_var(&h, "expected", "");
            fl_hit_var(&h, "reason", "");
            fl_scan_emit(s, &h);
            break; /* one finding per other field */
        }
}

/* ---- not-after ------------------------------------------------------------ */

static int parse_not_after(cmp *c, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    c->nothers = fl_loader_list(ld, fl_loader_attr(ld, el, "than"), true, &c->others);
    const char **f;
    if (fl_loader_list(ld, fl_loader_attr(ld, el, "field"), true, &f) == 1) c->field = f[0];
    if (fl_loader_scope(ld, el, &c->scope, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "match", &c->match, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "column", &c->column, err)) return -1;
    if ((c->field != NULL) + (c->match != NULL) + (c->column != NULL) != 1)
        return fl_loader_error(err, ld, el, "<not-after> needs one of field=\"名称\", match=\"pattern\", column=\"pattern\"");
    return 0;
}

/* The date everything must not be later than: the first `than` field that
 * holds a date, else the filing's own date as the model reads it, else
 * --as-of (fl_scan_own_date). Never today: a date the filing does not state
 * says nothing about when it was written. */
static bool reference_date(const cmp *c, fl_scan *s, fl_date *ref, const char **shown)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < c->nothers; i++) {
        const fl_field *f = fl_doc_field(doc, c->others[i]);
        size_t at;
        if (f && f->value && fl_date_find(ref, f->value, strlen(f->value), &at)) {
            *shown = f->value;
            return true;
        }
    }
    return fl_scan_own_date(s, ref, shown);
}

static void late(fl_scan *s, fl_hit *h, const char *field, const char *value, const char *shown)
{
    h->severity = -1;
    fl_hit_var(h, "field", field);
    fl_hit_var(h, "value", value);
    fl_hit_var(h, "expected", shown);
    fl_hit_var(h, "other", "");
    fl_hit_var(h, "reason", "");
    fl_scan_emit(s, h);
}

/* The first date in [from, to) of block b, judged by the end of the period
 * it opens ("2024年4月20日至6月10日": monitoring that ended on 6月10日 cannot
 * be in a report of May; the end may lie past `to`, the match stops at the
 * first date): reported where the date or period is typed when later than
 * ref. */
static void late_in_block(fl_scan *s, int b, size_t from, size_t to, const fl_date *ref, const char *field,
                          const char *shown)
{
    const fl_norm *nt = fl_scan_norm(s, b);
    fl_date d, end;
    size_t at, n = fl_date_find(&d, nt->text + from, to - from, &at), s2;
    if (!n) return;
    size_t a = from + at, e = a + n;
    size_t e2 = d.m ? fl_drange_end(nt->text, nt->len, e, &d, &end, &s2) : 0;
    if (e2) {
        d = end;
        e = e2;
    }
    if (fl_date_cmp(&d, ref) <= 0) return;
    fl_hit h = {.block = b, .span = true, .start = a, .end = e};
    const char *orig = fl_scan_doc(s)->blocks[b].text; /* as typed */
    size_t o0 = fl_norm_orig(nt, a), o1 = fl_norm_orig(nt, e);
    late(s, &h, field, fl_arena_strndup(fl_scan_arena(s), orig + o0, o1 - o0), shown);
}

/* Is block b a cell below a header cell (same table and column) of cols? */
static bool under_header(const fl_doc *doc, int b, const int *heads, size_t nheads)
{
    const fl_block *k = &doc->blocks[b];
    const fl_block_extra *kx = fl_block_x(doc, k);
    for (size_t i = 0; i < nheads; i++) {
        const fl_block *h = &doc->blocks[heads[i]];
        const fl_block_extra *hx = fl_block_x(doc, h);
        if (k->table == h->table && k->part == h->part && kx->row > hx->row && kx->col >= hx->col &&
            kx->col < hx->col + hx->col_span)
            return true;
    }
    return false;
}

/* Dates in a table column whose header cell matches c->column. */
static void not_after_column(const cmp *c, fl_scan *s, const fl_scope *sc, const fl_date *ref, const char *shown)
{
    const fl_doc *doc = fl_scan_doc(s);
    int *heads = fl_xmalloc((sc->nblocks + 1) * sizeof *heads);
    size_t nheads = 0, ms, me;
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        if (!doc->blocks[b].table || under_header(doc, b, heads, nheads)) continue;
        if (fl_scan_find(s, c->column, b, 0, SIZE_MAX, &ms, &me) == 1) heads[nheads++] = b;
    }
    for (size_t i = 0; i < sc->nblocks && nheads && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        if (doc->blocks[b].table && under_header(doc, b, heads, nheads))
            late_in_block(s, b, 0, fl_scan_norm(s, b)->len, ref, "", shown);
    }
    free(heads);
}

static void run_not_after(const cmp *c, fl_scan *s)
{
    fl_date ref, d;
    const char *shown;
    size_t at;
    if (!reference_date(c, s, &ref, &shown)) return;
    if (c->field) {
        const fl_field *f = fl_doc_field(fl_scan_doc(s), c->field);
        if (f && f->value && fl_date_find(&d, f->value, strlen(f->value), &at) && fl_date_cmp(&d, &ref) > 0) {
            fl_hit h = {.block = f->block};
            late(s, &h, f->name, f->value, shown);
        }
        return;
    }
    const fl_scope *sc = fl_scan_scope(s, &c->scope);
    if (c->column) {
        not_after_column(c, s, sc, &ref, shown);
        return;
    }
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_norm *nt = fl_scan_norm(s, b);
        size_t from = 0, ms, me;
        while (fl_scan_find(s, c->match, b, from, SIZE_MAX, &ms, &me) == 1) {
            late_in_block(s, b, ms, me, &ref, "", shown);
            from = me > ms ? me : ms + 1;
            while (from < nt->len && ((unsigned char)nt->text[from] & 0xC0) == 0x80) from++;
            if (from > nt->len) break;
        }
    }
}

/* ---- check-digit ------------------------------------------------------------ */

static int parse_check_digit(cmp *c, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    c->nnames = fl_loader_list(ld, fl_loader_attr(ld, el, "fields"), true, &c->names);
    c->algorithm = fl_loader_attr(ld, el, "algorithm");
    if (!c->nnames) return fl_loader_error(err, ld, el, "<check-digit> needs fields=\"名称 ...\"");
    if (!fl_code_algorithm_known(c->algorithm))
        return fl_loader_error(err, ld, el, "unknown check-digit algorithm '%s' (gb32100, gb11643)",
                               c->algorithm ? c->algorithm : "");
    return 0;
}

/* Every occurrence of the fields; a block read under two names (统一社会信用代码
 * and 编制单位统一社会信用代码) is checked once. Reported at the code. */
static void run_check_digit(const cmp *c, fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (!name_in(f->name, c->names, c->nnames) || f->block < 0) continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = doc->fields[j].block == f->block && name_in(doc->fields[j].name, c->names, c->nnames);
        if (seen) continue;
        const char *code, *why = fl_code_check(fl_scan_arena(s), c->algorithm, norm_value(s, f->value), &code);
        if (!why) continue;
        fl_hit h = {.block = f->block, .severity = -1};
        const fl_norm *nt = fl_scan_norm(s, f->block);
        const char *hit = *code ? strstr(nt->text, code) : NULL;
        if (hit) {
            h.span = true;
            h.start = (size_t)(hit - nt->text);
            h.end = h.start + strlen(code);
        }
        fl_hit_var(&h, "field", f->name);
        fl_hit_var(&h, "value", code);
        fl_hit_var(&h, "expected", "");
        fl_hit_var(&h, "other", "");
        fl_hit_var(&h, "reason", why);
        fl_scan_emit(s, &h);
    }
}

/* ---- the operator table ---------------------------------------------------- */

static const op ops[] = {
    {"same", parse_same, run_same},
    {"differ", parse_differ, run_differ},
    {"not-after", parse_not_after, run_not_after},
    {"check-digit", parse_check_digit, run_check_digit},
};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    fields_k *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    if (!n) return fl_loader_error(err, ld, el, "<fields> needs a comparison (same, differ, not-after, check-digit)");
    k->cmps = fl_loader_alloc(ld, n * sizeof *k->cmps);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        const op *o = NULL;
        for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
            if (fl_xml_named(c, ops[i].name)) o = &ops[i];
        if (!o) return fl_loader_error(err, ld, c, "unknown comparison <%s> (same, differ, not-after, check-digit)", (const char *)c->name);
        cmp *cm = &k->cmps[k->n++];
        cm->op = o;
        if (o->parse(cm, c, ld, err) || fl_loader_in_force(ld, c, &cm->in_force, err)) return -1;
    }
    rule->data = k;
    return 0;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const fields_k *k = rule->data;
    for (size_t i = 0; i < k->n && !fl_scan_failed(s); i++)
        if (fl_scan_in_force(s, &k->cmps[i].in_force)) k->cmps[i].op->run(&k->cmps[i], s);
}

const fl_kind fl_kind_fields = {"fields", vars, parse, run, NULL};
