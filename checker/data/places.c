/* The table of places (tables.h): divisions, their codes, names and former names. */
#include "data/tables.h"
#include "data/table.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/xmlsafe.h"
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- places -------------------------------------------------------------- */

typedef struct places_ctx {
    fl_places *p;
    size_t cap;
    fl_error *err;
} places_ctx;

/* A GB/T 2260 code: six digits, the first not 0. The schema only checks the
 * length, to keep validation of the 3,000-row table fast. */
static int code_attr(uint32_t *out, const xmlNode *n, const char *name, const char *path, fl_error *err)
{
    const char *v = fl_tab_attr(n, name);
    *out = 0;
    for (int i = 0; i < 6; i++) {
        if (v[i] < '0' || v[i] > '9' || (i == 0 && v[i] == '0'))
            return fl_error_at(err, FL_E_RULESET, path, fl_tab_node_line(n), "%s=\"%s\" is not a six-digit GB/T 2260 code", name, v);
        *out = *out * 10 + (uint32_t)(v[i] - '0');
    }
    return 0;
}

/* Add one division; parent is an index or -1. */
static int add_place(places_ctx *cx, const xmlNode *n, fl_place_level level, int32_t parent)
{
    fl_places *p = cx->p;
    fl_place *pl = &p->items[p->n];
    memset(pl, 0, sizeof *pl);
    if (code_attr(&pl->code, n, "code", p->path, cx->err)) return -1;
    pl->name = fl_tab_attr_dup(&p->arena, n, "name");
    pl->short_name = fl_tab_attr_dup(&p->arena, n, "short");
    pl->alias = fl_tab_attr_dup(&p->arena, n, "alias");
    pl->short_is_word = fl_tab_attr(n, "word") != NULL;
    pl->level = level;
    pl->parent = parent;
    pl->province = parent < 0 ? (int32_t)p->n : p->items[parent].province;
    pl->now = -1;
    /* a child's code extends its parent's: 32 -> 3205 -> 320505 */
    if (parent >= 0) {
        uint32_t pc = p->items[parent].code;
        uint32_t unit = p->items[parent].level == FL_PLACE_PROVINCE ? 10000 : 100;
        if (pl->code / unit != pc / unit || pl->code == pc)
            return fl_error_at(cx->err, FL_E_RULESET, p->path, fl_tab_node_line(n), "code %06u of %s does not lie under %06u %s",
                        pl->code, pl->name, pc, p->items[parent].name);
    }
    p->n++;
    return 0;
}

static int read_province(places_ctx *cx, const xmlNode *prov)
{
    int32_t pi = (int32_t)cx->p->n;
    if (add_place(cx, prov, FL_PLACE_PROVINCE, -1)) return -1;
    for (const xmlNode *c = prov->children; c; c = c->next) {
        if (fl_tab_is_elem(c, "county")) {
            if (add_place(cx, c, FL_PLACE_COUNTY, pi)) return -1;
        } else if (fl_tab_is_elem(c, "prefecture")) {
            int32_t ci = (int32_t)cx->p->n;
            if (add_place(cx, c, FL_PLACE_PREFECTURE, pi)) return -1;
            for (const xmlNode *k = c->children; k; k = k->next)
                if (fl_tab_is_elem(k, "county") && add_place(cx, k, FL_PLACE_COUNTY, ci)) return -1;
        }
    }
    return 0;
}

static size_t count_places(const xmlNode *root)
{
    size_t n = 0;
    for (const xmlNode *a = root->children; a; a = a->next) {
        if (a->type != XML_ELEMENT_NODE) continue;
        n++;
        for (const xmlNode *b = a->children; b; b = b->next) {
            if (b->type != XML_ELEMENT_NODE) continue;
            n++;
            n += fl_tab_count_elems(b, "county");
        }
    }
    return n;
}

static int cmp_name(const void *a, const void *b)
{
    const fl_place_name *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (c) return c;
    return x->place < y->place ? -1 : x->place > y->place;
}

static void add_name(fl_places *p, size_t place, const char *text, fl_name_kind kind)
{
    if (!text) return;
    fl_place_name *nm = &p->names[p->nnames++];
    nm->text = text;
    nm->len = strlen(text);
    nm->place = (uint32_t)place;
    nm->kind = kind;
}

typedef struct code_ix { uint32_t code, index; } code_ix;

static int cmp_code_ix(const void *a, const void *b)
{
    const code_ix *x = a, *y = b;
    return x->code < y->code ? -1 : x->code > y->code;
}

/* by_code over the current divisions; codes must be unique. */
static int index_codes(fl_places *p, fl_error *err)
{
    code_ix *ix = fl_xmalloc((p->ncurrent + 1) * sizeof *ix);
    for (size_t i = 0; i < p->ncurrent; i++) ix[i] = (code_ix){p->items[i].code, (uint32_t)i};
    qsort(ix, p->ncurrent, sizeof *ix, cmp_code_ix);
    p->by_code = fl_arena_alloc(&p->arena, (p->ncurrent + 1) * sizeof *p->by_code);
    int rc = 0;
    for (size_t i = 0; i < p->ncurrent; i++) {
        p->by_code[i] = ix[i].index;
        if (i && ix[i].code == ix[i - 1].code) {
            rc = fl_error_at(err, FL_E_RULESET, p->path, 0, "code %06u is used by both %s and %s", ix[i].code,
                      p->items[ix[i - 1].index].name, p->items[ix[i].index].name);
            break;
        }
    }
    free(ix);
    return rc;
}

static void index_names(fl_places *p)
{
    p->names = fl_arena_alloc(&p->arena, (p->n * 3 + 1) * sizeof *p->names);
    for (size_t i = 0; i < p->n; i++) {
        add_name(p, i, p->items[i].name, FL_NAME_FULL);
        add_name(p, i, p->items[i].short_name, FL_NAME_SHORT);
        add_name(p, i, p->items[i].alias, FL_NAME_ALIAS);
    }
    qsort(p->names, p->nnames, sizeof *p->names, cmp_name);
}

static int read_former(places_ctx *cx, const xmlNode *n)
{
    fl_places *p = cx->p;
    fl_place *pl = &p->items[p->n];
    memset(pl, 0, sizeof *pl);
    uint32_t now_code;
    if (code_attr(&pl->code, n, "code", p->path, cx->err) || code_attr(&now_code, n, "now", p->path, cx->err))
        return -1;
    pl->name = fl_tab_attr_dup(&p->arena, n, "name");
    const char *lv = fl_tab_attr(n, "level");
    pl->level = !strcmp(lv, "province") ? FL_PLACE_PROVINCE
              : !strcmp(lv, "prefecture") ? FL_PLACE_PREFECTURE : FL_PLACE_COUNTY;
    pl->former = true;
    pl->parent = pl->province = -1;
    pl->since = atoi(fl_tab_attr(n, "since"));
    pl->conf = fl_tab_attr(n, "conf")[0];
    pl->note = fl_tab_attr_dup(&p->arena, n, "note");
    const fl_place *now = fl_places_by_code(p, now_code);
    if (!now)
        return fl_error_at(cx->err, FL_E_RULESET, p->path, fl_tab_node_line(n), "former division %s: now=\"%s\" is not a current code",
                    pl->name, fl_tab_attr(n, "now"));
    pl->now = (int32_t)(now - p->items);
    pl->province = now->province;
    p->n++;
    return 0;
}

int fl_places_load(fl_places **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_places *p = NULL;
    xmlDoc *doc = fl_tab_open_table(path, "places", err);
    if (!doc) goto cleanup;
    p = fl_xcalloc(1, sizeof *p);
    fl_arena_init(&p->arena);
    p->path = fl_arena_strdup(&p->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    p->dataset = fl_tab_attr_dup(&p->arena, root, "dataset");
    if (fl_tab_date_attr(&p->as_of, root, "as-of", path, err)) goto cleanup;
    places_ctx cx = {p, count_places(root), err};
    p->items = fl_arena_alloc(&p->arena, (cx.cap + 1) * sizeof *p->items);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (fl_tab_is_elem(n, "province") && read_province(&cx, n)) goto cleanup;
    p->ncurrent = p->n;
    /* former rows refer to current codes: index those first */
    if (index_codes(p, err)) goto cleanup;
    for (const xmlNode *n = root->children; n; n = n->next)
        if (fl_tab_is_elem(n, "former") && read_former(&cx, n)) goto cleanup;
    index_names(p);
    *out = p;
    p = NULL;
    rc = 0;
cleanup:
    fl_places_free(p);
    xmlFreeDoc(doc);
    return rc;
}

void fl_places_free(fl_places *p)
{
    if (!p) return;
    fl_arena_free(&p->arena);
    free(p);
}

const fl_place *fl_places_by_code(const fl_places *p, uint32_t code)
{
    size_t lo = 0, hi = p->ncurrent;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t c = p->items[p->by_code[mid]].code;
        if (c == code) return &p->items[p->by_code[mid]];
        if (c < code) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const fl_place *fl_places_former_by_code(const fl_places *p, uint32_t code)
{
    for (size_t i = p->ncurrent; i < p->n; i++)
        if (p->items[i].code == code) return &p->items[i];
    return NULL;
}

const fl_place *fl_places_nearest(const fl_places *p, uint32_t code)
{
    const fl_place *pl = fl_places_by_code(p, code);
    if (!pl) pl = fl_places_by_code(p, code / 100 * 100);
    if (!pl) pl = fl_places_by_code(p, code / 10000 * 10000);
    return pl;
}

size_t fl_places_by_name(const fl_places *p, const char *text, size_t len, size_t *first)
{
    size_t lo = 0, hi = p->nnames;
    while (lo < hi) { /* first name >= text */
        size_t mid = (lo + hi) / 2;
        const fl_place_name *nm = &p->names[mid];
        int c = memcmp(nm->text, text, nm->len < len ? nm->len : len);
        if (c < 0 || (c == 0 && nm->len < len)) lo = mid + 1;
        else hi = mid;
    }
    *first = lo;
    size_t k = lo;
    while (k < p->nnames && p->names[k].len == len && !memcmp(p->names[k].text, text, len)) k++;
    return k - lo;
}

const fl_place *fl_places_parent(const fl_places *p, const fl_place *pl)
{
    return pl->parent >= 0 ? &p->items[pl->parent] : NULL;
}

bool fl_places_within(const fl_places *p, const fl_place *inner, const fl_place *outer)
{
    for (const fl_place *x = inner; x; x = fl_places_parent(p, x))
        if (x == outer) return true;
    return false;
}

fl_ac *fl_places_automaton(const fl_places *p, unsigned kinds, bool words)
{
    fl_ac_builder *b = fl_ac_builder_new();
    for (size_t i = 0; i < p->nnames; i++) {
        const fl_place_name *nm = &p->names[i];
        if (!(nm->kind & kinds)) continue;
        if (nm->kind == FL_NAME_SHORT && !words && p->items[nm->place].short_is_word) continue;
        fl_ac_builder_add(b, nm->text, nm->len, (uint32_t)i);
    }
    return fl_ac_build(b);
}
