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
 *   </fields>
 */
#include "rules/kind.h"
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
} cmp;

struct op {
    const char *name;
    int (*parse)(cmp *c, const xmlNode *el, fl_loader *ld, fl_error *err);
    void (*run)(const cmp *c, fl_scan *s);
};

typedef struct fields_k { cmp *cmps; size_t n; } fields_k;

static const char *const vars[] = {"field", "value", "expected", "other", NULL};

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

static void run_differ(const cmp *c, fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_field *a = fl_doc_field(doc, c->names[0]);
    if (!a) return;
    const char *av = norm_value(s, a->value);
    if (!*av) return;
    for (size_t i = 0; i < c->nothers; i++) {
        const fl_field *b = fl_doc_field(doc, c->others[i]);
        if (!b || strcmp(av, norm_value(s, b->value))) continue;
        fl_hit h = {.block = b->block, .severity = -1};
        fl_hit_var(&h, "field", a->name);
        fl_hit_var(&h, "value", a->value);
        fl_hit_var(&h, "other", b->name);
        fl_hit_var(&h, "expected", "");
        fl_scan_emit(s, &h);
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
    if (!c->field == !c->match) return fl_loader_error(err, ld, el, "<not-after> needs either field=\"名称\" or match=\"pattern\"");
    return 0;
}

/* The date everything must not be later than: the first `than` field that
 * holds a date, else --as-of. */
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
    const fl_lint_opts *o = fl_scan_opts(s);
    if (!o->has_as_of) return false;
    *ref = o->as_of;
    char *buf = fl_arena_alloc(fl_scan_arena(s), 11);
    fl_date_format(ref, buf);
    *shown = buf;
    return true;
}

static void late(fl_scan *s, fl_hit *h, const char *field, const char *value, const char *shown)
{
    h->severity = -1;
    fl_hit_var(h, "field", field);
    fl_hit_var(h, "value", value);
    fl_hit_var(h, "expected", shown);
    fl_scan_emit(s, h);
}

static void run_not_after(const cmp *c, fl_scan *s)
{
    fl_date ref, d;
    const char *shown;
    size_t at, n;
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
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_norm *nt = fl_scan_norm(s, b);
        size_t from = 0, ms, me;
        while (fl_scan_find(s, c->match, b, from, SIZE_MAX, &ms, &me) == 1) {
            if ((n = fl_date_find(&d, nt->text + ms, me - ms, &at)) && fl_date_cmp(&d, &ref) > 0) {
                fl_hit h = {.block = b, .span = true, .start = ms + at, .end = ms + at + n};
                const char *orig = fl_scan_doc(s)->blocks[b].text; /* the date as typed */
                size_t o0 = nt->map[ms + at], o1 = nt->map[ms + at + n];
                late(s, &h, "", fl_arena_strndup(fl_scan_arena(s), orig + o0, o1 - o0), shown);
            }
            from = me > ms ? me : ms + 1;
            while (from < nt->len && ((unsigned char)nt->text[from] & 0xC0) == 0x80) from++;
            if (from > nt->len) break;
        }
    }
}

/* ---- the operator table ---------------------------------------------------- */

static const op ops[] = {
    {"same", parse_same, run_same},
    {"differ", parse_differ, run_differ},
    {"not-after", parse_not_after, run_not_after},
};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    fields_k *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    if (!n) return fl_loader_error(err, ld, el, "<fields> needs a comparison (same, differ, not-after)");
    k->cmps = fl_loader_alloc(ld, n * sizeof *k->cmps);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        const op *o = NULL;
        for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
            if (fl_xml_named(c, ops[i].name)) o = &ops[i];
        if (!o) return fl_loader_error(err, ld, c, "unknown comparison <%s> (same, differ, not-after)", (const char *)c->name);
        cmp *cm = &k->cmps[k->n++];
        cm->op = o;
        if (o->parse(cm, c, ld, err)) return -1;
    }
    rule->data = k;
    return 0;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const fields_k *k = rule->data;
    for (size_t i = 0; i < k->n && !fl_scan_failed(s); i++) k->cmps[i].op->run(&k->cmps[i], s);
}

const fl_kind fl_kind_fields = {"fields", vars, parse, run, NULL};
