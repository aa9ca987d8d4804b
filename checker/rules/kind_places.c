/* Kind `places`: administrative-division names and codes against the
 * gazetteer (rulesets/data/places.xml, GB/T 2260). The table and its
 * Aho–Corasick automaton over every name are built once per ruleset.
 *
 *   <places check="foreign" scope="基本情况|工程分析|环境现状|保护目标">   EIA302
 *     <after>(?:东|西|南|北|中)?(?:路|街|大道)</after>   not when this follows the name
 *     <before>距离?|毗邻</before>                      not right after this
 *     <unless>销往|购自</unless>                         not in such a sentence
 *     <unless in="clause">流经|汇入</unless>             not in such a clause
 *   </places>
 *   <places check="code"/>                                                EIA304
 *
 * The project's location is the deepest division named in the 建设地点
 * field (fields="..."), else the first chain of two nested divisions in the
 * text (山东省潍坊市寿光市). foreign: a division name in scope that is neither
 * that location, inside it, nor one of its parents (allow="prefecture": nor
 * anywhere in its prefecture); text inside 《》 and the preparing unit's own
 * details (own="编制单位 ...") do not count. Everyday short names (朝阳, 东方:
 * word="1" in the table) and county short names (吴中 for 吴中区) are never
 * looked for; a two-character county name (沛县, 城区) counts only right after
 * its prefecture. One finding per foreign division, at its first mention.
 * code: the six-digit division segment of the 项目代码 must lie in the
 * province and prefecture of the location. */
#include "rules/kind.h"
#include "rules/clause.h"
#include "core/acmatch.h"
#include "core/buf.h"
#include "data/tables.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct places_tab {
    fl_places *p;
    fl_ac *names; /* full, short and alias names, everyday short names left out */
} places_tab;

typedef enum { CHECK_FOREIGN, CHECK_CODE } pl_check;

typedef struct places_k {
    pl_check check;
    fl_scope_spec scope;
    const places_tab *tab;
    const char **loc_fields, **own_fields, **code_fields;
    size_t nloc, nown, ncode;
    const fl_pattern **after, **before;
    const char **after_src, **before_src; /* as written, for explain */
    size_t nafter, nbefore;
    const fl_pattern **unless;
    bool *unless_clause;       /* that unless is looked for in the name's clause, not its sentence */
    size_t nunless;
    bool allow_prefecture;
    const char *msg_unknown, *msg_unknown_en; /* code: a segment the table does not know */
} places_k;

static const char *const vars[] = {"place", "full", "location", "count", "code", "division", NULL};

/* ---- the table ------------------------------------------------------------ */

static void free_table(void *v)
{
    places_tab *t = v;
    if (!t) return;
    fl_ac_free(t->names);
    fl_places_free(t->p);
    free(t);
}

static int load_table(void **out, const char *path, fl_error *err)
{
    fl_places *p = NULL;
    *out = NULL;
    if (fl_places_load(&p, path, err)) return -1;
    places_tab *t = fl_xcalloc(1, sizeof *t);
    t->p = p;
    t->names = fl_places_automaton(p, FL_NAME_FULL | FL_NAME_SHORT | FL_NAME_ALIAS, false);
    *out = t;
    return 0;
}

/* ---- parsing ---------------------------------------------------------------- */

static int parse_children(places_k *k, const xmlNode *el, fl_loader *ld, const fl_rule *rule, fl_error *err)
{
    size_t na = 0, nu = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        na += fl_xml_named(c, "after") || fl_xml_named(c, "before");
        nu += fl_xml_named(c, "unless");
    }
    k->after = fl_loader_alloc(ld, (na + 1) * sizeof *k->after);
    k->before = fl_loader_alloc(ld, (na + 1) * sizeof *k->before);
    k->after_src = fl_loader_alloc(ld, (na + 1) * sizeof *k->after_src);
    k->before_src = fl_loader_alloc(ld, (na + 1) * sizeof *k->before_src);
    k->unless = fl_loader_alloc(ld, (nu + 1) * sizeof *k->unless);
    k->unless_clause = fl_loader_alloc(ld, (nu + 1) * sizeof *k->unless_clause);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        bool after = fl_xml_named(c, "after");
        if (after || fl_xml_named(c, "before")) {
            /* anchored where the name ends, or where it starts */
            const char *src = fl_loader_text(ld, c);
            fl_buf b = FL_BUF_INIT;
            fl_buf_printf(&b, after ? "\\G(?:%s)" : "(?:%s)$", src);
            const char *anchored = fl_loader_strdup(ld, b.data);
            fl_buf_free(&b);
            if (after) k->after_src[k->nafter] = src;
            else k->before_src[k->nbefore] = src;
            if (fl_loader_pattern(ld, c, anchored, after ? &k->after[k->nafter++] : &k->before[k->nbefore++], err))
                return -1;
        } else if (fl_xml_named(c, "unless")) {
            const char *in = fl_loader_attr(ld, c, "in");
            if (in && strcmp(in, "clause") && strcmp(in, "sentence"))
                return fl_loader_error(err, ld, c, "<unless in=\"%s\">: use clause or sentence", in);
            k->unless_clause[k->nunless] = in && !strcmp(in, "clause");
            if (fl_loader_pattern_text(ld, c, &k->unless[k->nunless++], err)) return -1;
        } else if (fl_xml_named(c, "case")) {
            const char *name = fl_loader_attr(ld, c, "name");
            if (!name || strcmp(name, "unknown-code"))
                return fl_loader_error(err, ld, c, "<places> knows one case, name=\"unknown-code\"");
            if (fl_loader_message(ld, c, rule, "message", &k->msg_unknown, err) ||
                fl_loader_message(ld, c, rule, "message-en", &k->msg_unknown_en, err))
                return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <places> (after, before, unless, case)", (const char *)c->name);
        }
    }
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    places_k *k = fl_loader_alloc(ld, sizeof *k);
    const char *check = fl_loader_attr(ld, el, "check");
    if (!check || !strcmp(check, "foreign")) k->check = CHECK_FOREIGN;
    else if (!strcmp(check, "code")) k->check = CHECK_CODE;
    else return fl_loader_error(err, ld, el, "<places check=\"%s\">: use foreign or code", check);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *data = fl_loader_attr(ld, el, "data"), *v;
    void *tab;
    if (fl_loader_table(ld, el, data ? data : "places", load_table, free_table, &tab, err)) return -1;
    k->tab = tab;
    v = fl_loader_attr(ld, el, "fields");
    k->nloc = fl_loader_list(ld, v ? v : "建设地点", true, &k->loc_fields);
    v = fl_loader_attr(ld, el, "own");
    k->nown = fl_loader_list(ld, v ? v : "编制单位", true, &k->own_fields);
    v = fl_loader_attr(ld, el, "code-fields");
    k->ncode = fl_loader_list(ld, v ? v : "项目代码", true, &k->code_fields);
    v = fl_loader_attr(ld, el, "allow");
    if (v && strcmp(v, "location") && strcmp(v, "prefecture"))
        return fl_loader_error(err, ld, el, "allow must be \"location\" or \"prefecture\", not '%s'", v);
    k->allow_prefecture = v && !strcmp(v, "prefecture");
    if (parse_children(k, el, ld, rule, err)) return -1;
    rule->data = k;
    return 0;
}

/* ---- names in text ---------------------------------------------------------- */

/* One matched name; several names[] entries may spell the same bytes (朝阳
 * for several places): their ids are ids[first .. first+n). */
typedef struct hit { size_t start, end, first, n; } hit;

typedef struct hits {
    hit *v; size_t n, cap;
    uint32_t *ids; size_t nids, cap_ids;
} hits;

static int collect(void *ctx, size_t start, size_t end, uint32_t id)
{
    hits *h = ctx;
    FL_VEC_RESERVE(h->ids, h->cap_ids, h->nids + 1);
    h->ids[h->nids++] = id;
    if (h->n && h->v[h->n - 1].start == start && h->v[h->n - 1].end == end) {
        h->v[h->n - 1].n++;
        return 0;
    }
    FL_VEC_RESERVE(h->v, h->cap, h->n + 1);
    h->v[h->n++] = (hit){start, end, h->nids - 1, 1};
    return 0;
}

static void hits_free(hits *h)
{
    free(h->v);
    free(h->ids);
}

static uint32_t hit_name(const hits *h, const hit *x, size_t j) { return h->ids[x->first + j]; }

static const fl_place *place_of(const fl_places *p, uint32_t name) { return &p->items[p->names[name].place]; }

/* The current division a name stands for (a former one: its successor). */
static const fl_place *current(const fl_places *p, const fl_place *pl)
{
    if (!pl->former) return pl;
    return pl->now >= 0 ? &p->items[pl->now] : NULL;
}

static const fl_place *prefecture_of(const fl_places *p, const fl_place *pl)
{
    for (const fl_place *x = pl; x; x = fl_places_parent(p, x))
        if (x->level == FL_PLACE_PREFECTURE) return x;
    return NULL;
}

/* Full path "江苏省苏州市吴中区" for messages. */
static const char *full_name(fl_scan *s, const fl_places *p, const fl_place *pl)
{
    const char *chain[4];
    size_t n = 0;
    for (const fl_place *x = pl; x && n < 4; x = fl_places_parent(p, x)) chain[n++] = x->name;
    char buf[256];
    size_t o = 0;
    buf[0] = '\0';
    while (n-- > 0 && o < sizeof buf) o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", chain[n]);
    return fl_arena_strdup(fl_scan_arena(s), buf);
}

/* Read an address: names that nest, from the outermost on ("江苏省苏州市吴中区
 * 木渎镇…" -> 吴中区). An ambiguous name is settled by the one that follows it
 * (朝阳区 of 北京 or 长春); reading stops at the first name that does not nest. */
static const fl_place *read_address(const fl_places *p, const hits *h, size_t from, size_t *used)
{
    const fl_place *cur = NULL;
    size_t i = from, depth = 0;
    for (; i < h->n; i++) {
        const fl_place *pick = NULL; /* the outermost reading; ambiguous if several */
        bool ambiguous = false;
        for (size_t j = 0; j < h->v[i].n; j++) {
            const fl_place *c = current(p, place_of(p, hit_name(h, &h->v[i], j)));
            if (!c || c == cur || (cur && !fl_places_within(p, c, cur))) continue;
            if (!pick || c->level < pick->level) {
                pick = c;
                ambiguous = false;
            } else if (c->level == pick->level && c != pick) {
                ambiguous = true;
            }
        }
        if (ambiguous && i + 1 < h->n) { /* the next name decides */
            const fl_place *next = NULL;
            for (size_t j = 0; j < h->v[i + 1].n && !next; j++) {
                const fl_place *c = current(p, place_of(p, hit_name(h, &h->v[i + 1], j)));
                for (size_t q = 0; c && q < h->v[i].n; q++) {
                    const fl_place *a = current(p, place_of(p, hit_name(h, &h->v[i], q)));
                    if (a && a != c && fl_places_within(p, c, a) && (!cur || fl_places_within(p, a, cur))) next = a;
                }
            }
            pick = next;
            ambiguous = false;
        }
        if (!pick || ambiguous) break;
        if (i > from && h->v[i].start > h->v[i - 1].end + 3) break; /* words between: another phrase */
        cur = pick;
        depth++;
    }
    if (used) *used = depth;
    return cur;
}

static void scan_names(const fl_ac *ac, const char *t, size_t len, hits *h)
{
    h->n = h->nids = 0;
    fl_ac_scan(ac, t, len, FL_AC_LEFTMOST_LONGEST, collect, h);
}

typedef struct masked { size_t a, e; } masked;

/* Spans not looked at: 《titles》 and the preparing unit's own details. */
static size_t mask_spans(fl_scan *s, const places_k *k, const fl_norm *n, masked *out, size_t cap)
{
    const fl_doc *doc = fl_scan_doc(s);
    size_t m = 0;
    for (size_t i = 0; i + 3 <= n->len && m < cap; i++) {
        if (memcmp(n->text + i, "《", 3)) continue;
        const char *c = strstr(n->text + i + 3, "》");
        out[m++] = (masked){i, c ? (size_t)(c - n->text) + 3 : n->len};
        i = out[m - 1].e - 1;
    }
    for (size_t f = 0; f < doc->nfields; f++) {
        const fl_field *fd = &doc->fields[f];
        bool own = false;
        for (size_t i = 0; i < k->nown && !own; i++) own = !strcmp(fd->name, k->own_fields[i]);
        if (!own || !fd->value || strlen(fd->value) < 4) continue;
        fl_norm v;
        fl_norm_text(&v, fl_scan_arena(s), fd->value, strlen(fd->value));
        for (const char *q = n->text; v.len && (q = strstr(q, v.text)) && m < cap; q += v.len)
            out[m++] = (masked){(size_t)(q - n->text), (size_t)(q - n->text) + v.len};
    }
    return m;
}

static bool is_masked(const masked *v, size_t n, size_t a, size_t e)
{
    for (size_t i = 0; i < n; i++)
        if (a < v[i].e && e > v[i].a) return true;
    return false;
}

static bool own_block(const places_k *k, const fl_doc *doc, int b)
{
    for (size_t f = 0; f < doc->nfields; f++)
        if (doc->fields[f].block == b)
            for (size_t i = 0; i < k->nown; i++)
                if (!strcmp(doc->fields[f].name, k->own_fields[i])) return true;
    return false;
}

/* Leave out the names inside masked spans. */
static void drop_masked(fl_scan *s, const places_k *k, const fl_norm *n, hits *h)
{
    masked mv[64];
    size_t nm = mask_spans(s, k, n, mv, sizeof mv / sizeof *mv), o = 0;
    for (size_t i = 0; i < h->n; i++)
        if (!is_masked(mv, nm, h->v[i].start, h->v[i].end)) h->v[o++] = h->v[i];
    h->n = o;
}

/* The project's location: the 建设地点 field, else the first chain of two or
 * more nested divisions in the text. */
static const fl_place *project_location(fl_scan *s, const places_k *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_places *p = k->tab->p;
    const fl_place *loc = NULL;
    hits h = {0};
    for (size_t i = 0; i < k->nloc && !loc; i++)
        for (size_t f = 0; f < doc->nfields && !loc; f++) {
            const fl_field *fd = &doc->fields[f];
            if (strcmp(fd->name, k->loc_fields[i]) || !fd->value) continue;
            fl_norm n;
            fl_norm_text(&n, fl_scan_arena(s), fd->value, strlen(fd->value));
            scan_names(k->tab->names, n.text, n.len, &h);
            loc = h.n ? read_address(p, &h, 0, NULL) : NULL;
        }
    for (size_t b = 0; b < doc->nblocks && !loc; b++) {
        if (doc->blocks[b].part != FL_PART_BODY || own_block(k, doc, (int)b)) continue;
        const fl_norm *n = fl_scan_norm(s, (int)b);
        scan_names(k->tab->names, n->text, n->len, &h);
        drop_masked(s, k, n, &h);
        for (size_t i = 0; i < h.n && !loc; i++) {
            size_t depth;
            const fl_place *pl = read_address(p, &h, i, &depth);
            if (depth >= 2) loc = pl;
        }
    }
    hits_free(&h);
    return loc;
}

/* ---- foreign ---------------------------------------------------------------- */

static bool local(const places_k *k, const fl_place *loc, const fl_place *c)
{
    const fl_places *p = k->tab->p;
    if (fl_places_within(p, c, loc) || fl_places_within(p, loc, c)) return true;
    const fl_place *pref = k->allow_prefecture ? prefecture_of(p, loc) : NULL;
    return pref && fl_places_within(p, c, pref);
}

static bool starts_with(const char *t, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return n && len >= n && !memcmp(t, lit, n);
}

static bool ends_with(const char *t, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return n && len >= n && !memcmp(t + len - n, lit, n);
}

/* Is this name, at [a, e) of t, a division worth reporting? Short county
 * names are too often words; a two-character county name needs its
 * prefecture right before it; 河北区域, 苏州市场 are not divisions. */
static bool plausible(const fl_places *p, const fl_place_name *nm, const fl_place *pl, const char *t, size_t len,
                      size_t a, size_t e)
{
    if (pl->level == FL_PLACE_COUNTY && nm->kind != FL_NAME_FULL) return false;
    if (ends_with(t + a, e - a, "区") && starts_with(t + e, len - e, "域")) return false;
    if (ends_with(t + a, e - a, "市") && starts_with(t + e, len - e, "场")) return false;
    if (pl->level == FL_PLACE_COUNTY && fl_utf8_count(t + a, e - a) <= 2) {
        const fl_place *par = fl_places_parent(p, pl);
        if (!par) return false;
        return ends_with(t, a, par->name) || (par->short_name && ends_with(t, a, par->short_name));
    }
    return true;
}

static bool excused(fl_scan *s, const places_k *k, int b, size_t a, size_t e)
{
    size_t ms, me, sa, se;
    for (size_t i = 0; i < k->nafter; i++)
        if (fl_scan_find(s, k->after[i], b, e, SIZE_MAX, &ms, &me) != 0) return true; /* -1: stop too */
    fl_scan_sentence(s, b, a, &sa, &se);
    for (size_t i = 0; i < k->nbefore; i++)
        if (fl_scan_find(s, k->before[i], b, sa, a, &ms, &me) != 0) return true;
    size_t ca, ce;
    fl_text_clause(fl_scan_norm(s, b)->text, sa, se, a, &ca, &ce);
    for (size_t i = 0; i < k->nunless; i++) {
        bool in_clause = k->unless_clause[i];
        if (fl_scan_find(s, k->unless[i], b, in_clause ? ca : sa, in_clause ? ce : se, &ms, &me) != 0) return true;
    }
    return false;
}

typedef struct foreign { const fl_place *pl; int block; size_t start, end; size_t count; } foreign;
typedef struct foreigns { foreign *v; size_t n, cap; } foreigns;

static void note_foreign(foreigns *fs, const fl_place *pl, int b, size_t a, size_t e)
{
    for (size_t i = 0; i < fs->n; i++)
        if (fs->v[i].pl == pl) {
            fs->v[i].count++;
            return;
        }
    FL_VEC_RESERVE(fs->v, fs->cap, fs->n + 1);
    fs->v[fs->n++] = (foreign){pl, b, a, e, 1};
}

/* The division a name hit stands for when it is foreign; NULL when any
 * reading of it is local (precision first) or none is plausible. */
static const fl_place *foreign_reading(const places_k *k, const fl_place *loc, const fl_norm *n, const hits *hs,
                                      const hit *h)
{
    const fl_places *p = k->tab->p;
    const fl_place *pick = NULL;
    for (size_t j = 0; j < h->n; j++) {
        const fl_place_name *nm = &p->names[hit_name(hs, h, j)];
        const fl_place *pl = &p->items[nm->place];
        if (!plausible(p, nm, pl, n->text, n->len, h->start, h->end)) continue;
        const fl_place *c = current(p, pl);
        if (c && local(k, loc, c)) return NULL;
        if (!pick || pl->level < pick->level) pick = pl;
    }
    return pick;
}

static void foreign_block(fl_scan *s, const places_k *k, const fl_place *loc, int b, hits *h, foreigns *fs)
{
    const fl_norm *n = fl_scan_norm(s, b);
    scan_names(k->tab->names, n->text, n->len, h);
    drop_masked(s, k, n, h);
    foreign m = {NULL, b, 0, 0, 1}; /* the mention being read: 无锡市惠山区 is one */
    for (size_t i = 0; i <= h->n && !fl_scan_failed(s); i++) {
        const hit *x = i < h->n ? &h->v[i] : NULL;
        const fl_place *pl = x ? foreign_reading(k, loc, n, h, x) : NULL;
        if (pl && m.pl && x->start == m.end && fl_places_within(k->tab->p, pl, m.pl)) {
            m.pl = pl;
            m.end = x->end;
            continue;
        }
        if (m.pl && !excused(s, k, b, m.start, m.end)) note_foreign(fs, m.pl, b, m.start, m.end);
        m.pl = pl;
        if (x) {
            m.start = x->start;
            m.end = x->end;
        }
    }
}

static void run_foreign(fl_scan *s, const places_k *k)
{
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    const fl_place *loc = project_location(s, k);
    if (!loc) return; /* nothing to compare with */
    const fl_doc *doc = fl_scan_doc(s);
    hits h = {0};
    foreigns fs = {NULL, 0, 0};
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++)
        if (!own_block(k, doc, sc->blocks[i])) foreign_block(s, k, loc, sc->blocks[i], &h, &fs);
    const char *where = full_name(s, k->tab->p, loc);
    for (size_t i = 0; i < fs.n && !fl_scan_failed(s); i++) {
        const foreign *f = &fs.v[i];
        fl_hit hit = {.block = f->block, .span = true, .start = f->start, .end = f->end, .severity = -1};
        const fl_norm *n = fl_scan_norm(s, f->block);
        fl_hit_var(&hit, "place", fl_arena_strndup(fl_scan_arena(s), n->text + f->start, f->end - f->start));
        fl_hit_var(&hit, "full", full_name(s, k->tab->p, f->pl));
        fl_hit_var(&hit, "location", where);
        fl_hit_var(&hit, "count", fl_arena_printf(fl_scan_arena(s), "%zu", f->count));
        fl_scan_emit(s, &hit);
    }
    hits_free(&h);
    free(fs.v);
}

/* ---- code ---------------------------------------------------------------- */

/* The division segment of a 项目代码 value: "2403-320506-89-01-512345" ->
 * offset of "320506" in t; SIZE_MAX when t holds no such code. */
static size_t code_segment(const char *t, size_t len)
{
    static const int shape[] = {4, 6, 2, 2, 5};
    for (size_t i = 0; i + 22 <= len; i++) {
        if (i && t[i - 1] >= '0' && t[i - 1] <= '9') continue;
        size_t at = i;
        bool ok = true;
        for (int g = 0; g < 5 && ok; g++) {
            int d = 0;
            while (at < len && t[at] >= '0' && t[at] <= '9') d++, at++;
            ok = d == shape[g] || (g == 4 && d == 6);
            if (ok && g < 4) ok = at < len && t[at++] == '-';
        }
        if (ok) return i + 5;
    }
    return SIZE_MAX;
}

static void run_code(fl_scan *s, const places_k *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_places *p = k->tab->p;
    const fl_field *fd = NULL;
    for (size_t i = 0; i < k->ncode && !fd; i++)
        for (size_t f = 0; f < doc->nfields && !fd; f++)
            if (!strcmp(doc->fields[f].name, k->code_fields[i]) && doc->fields[f].value) fd = &doc->fields[f];
    if (!fd || fd->block < 0) return;
    const fl_norm *n = fl_scan_norm(s, fd->block);
    size_t seg = code_segment(n->text, n->len);
    if (seg == SIZE_MAX) return;
    const fl_place *loc = project_location(s, k);
    if (!loc) return;
    uint32_t code = 0;
    for (size_t i = 0; i < 6; i++) code = code * 10 + (uint32_t)(n->text[seg + i] - '0');
    const fl_place *div = fl_places_by_code(p, code);
    if (!div) {
        const fl_place *old = fl_places_former_by_code(p, code);
        div = old ? current(p, old) : fl_places_nearest(p, code);
    }
    fl_hit h = {.block = fd->block, .span = true, .start = seg, .end = seg + 6, .severity = -1};
    fl_hit_var(&h, "code", fl_arena_strndup(fl_scan_arena(s), n->text + seg, 6));
    fl_hit_var(&h, "location", full_name(s, p, loc));
    if (!div) {
        if (!k->msg_unknown) return;
        h.message = k->msg_unknown;
        h.message_en = k->msg_unknown_en;
        fl_hit_var(&h, "division", "");
        fl_scan_emit(s, &h);
        return;
    }
    const fl_place *dp = prefecture_of(p, div), *lp = prefecture_of(p, loc);
    if (div->province == loc->province && !(dp && lp && dp != lp)) return;
    fl_hit_var(&h, "division", full_name(s, p, div));
    fl_scan_emit(s, &h);
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const places_k *k = rule->data;
    if (k->check == CHECK_FOREIGN) run_foreign(s, k);
    else run_code(s, k);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const places_k *k = rule->data;
    if (k->check == CHECK_FOREIGN) fl_scope_describe(&k->scope, out);
    fprintf(out, "行政区划表：%s（%zu 个现行区划）\n", k->tab->p->path, k->tab->p->ncurrent);
    fprintf(out, "建设地点取自：");
    for (size_t i = 0; i < k->nloc; i++) fprintf(out, "%s%s", i ? "、" : "", k->loc_fields[i]);
    fprintf(out, "（否则取正文中第一个两级以上的完整地名）\n");
    if (k->check == CHECK_CODE) {
        fprintf(out, "检查：项目代码（");
        for (size_t i = 0; i < k->ncode; i++) fprintf(out, "%s%s", i ? "、" : "", k->code_fields[i]);
        fprintf(out, "）第二段行政区划代码须在建设地点所在省、市内\n");
        return;
    }
    fprintf(out, "检查：出现既非建设地点、也不在其范围内、也非其上级%s的行政区划名称\n",
            k->allow_prefecture ? "（同一地级市内的不算）" : "");
    fprintf(out, "不计：《》内的文字，以及");
    for (size_t i = 0; i < k->nown; i++) fprintf(out, "%s%s", i ? "、" : "", k->own_fields[i]);
    fprintf(out, "的内容\n");
    for (size_t i = 0; i < k->nafter; i++) fprintf(out, "地名后紧接 /%s/ 时不计\n", k->after_src[i]);
    for (size_t i = 0; i < k->nbefore; i++) fprintf(out, "地名前紧接 /%s/ 时不计\n", k->before_src[i]);
    for (size_t i = 0; i < k->nunless; i++)
        fprintf(out, "同一%s中出现 /%s/ 时不计\n", k->unless_clause[i] ? "分句（逗号之间）" : "句", k->unless[i]->source);
}

const fl_kind fl_kind_places = {"places", vars, parse, run, describe};
