/* Loading the tables in rulesets/data/ (standards, places, holidays): read
 * the file, parse it with the safe DOM helpers, validate it against
 * rulesets/schema/data.rng, then copy what the rules need into arena-backed
 * structs with sorted indexes. The schema checks
 * the shape of every row; the loaders check what a schema cannot (unique
 * codes, replacements that exist, divisions nested under the right codes, no
 * day both off and worked) and name the file and line of the offending row. */
#include "data/datatab.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/xmlsafe.h"
#include <errno.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_TABLE_BYTES (16u * 1024 * 1024)

/* ---- errors, files, schema --------------------------------------------- */

static int fail(fl_error *err, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(fl_error *err, const char *path, int line, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fl_error_set(err, FL_E_RULESET, msg);
    if (err) {
        snprintf(err->file, sizeof err->file, "%s", path);
        err->line = line;
    }
    return -1;
}

static int node_line(const xmlNode *n) { return (int)xmlGetLineNo((xmlNode *)n); }

static int read_file(const char *path, fl_buf *b, fl_error *err, const char *what)
{
    if (fl_buf_read_file(b, path, MAX_TABLE_BYTES) == 0) return 0;
    if (errno == EFBIG) return fail(err, path, 0, "%s larger than 16 MiB", what);
    return fail(err, path, 0, "cannot read %s: %s", what, fl_buf_read_strerror(errno));
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *find_schema(char *out, size_t cap, const char *table)
{
    char dir[PATH_MAX - 32];
    const char *slash = strrchr(table, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash == table ? 1 : slash - table), table);
    snprintf(out, cap, "%s/../schema/data.rng", dir);
    if (is_file(out)) return out;
    snprintf(out, cap, "%s/data.rng", dir);
    if (is_file(out)) return out;
    const char *env = getenv("FILINGLINT_RULESETS");
    if (env && *env) {
        snprintf(out, cap, "%s/schema/data.rng", env);
        if (is_file(out)) return out;
    }
    return NULL;
}

typedef struct valid_err { int line; char msg[512]; bool set; } valid_err;

#if LIBXML_VERSION >= 21200
static void on_valid_error(void *ctx, const xmlError *e)
#else
static void on_valid_error(void *ctx, xmlErrorPtr e)
#endif
{
    valid_err *v = ctx;
    if (v->set || !e) return;
    v->set = true;
    v->line = e->line > 0 ? e->line : (e->node ? node_line(e->node) : 0);
    snprintf(v->msg, sizeof v->msg, "%s", e->message ? e->message : "invalid");
    size_t n = strlen(v->msg);
    while (n && (v->msg[n - 1] == '\n' || v->msg[n - 1] == ' ')) v->msg[--n] = '\0';
}

static int validate(xmlDoc *doc, const char *path, fl_error *err)
{
    char spath[PATH_MAX];
    if (!find_schema(spath, sizeof spath, path))
        return fail(err, path, 0, "data table schema data.rng not found (looked in ../schema/ next to the table)");
    fl_buf b = FL_BUF_INIT;
    if (read_file(spath, &b, err, "the data table schema")) {
        fl_buf_free(&b);
        return -1;
    }
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(b.data, (int)b.len);
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    fl_buf_free(&b);
    if (!schema) return fail(err, spath, 0, "the data table schema is invalid");
    valid_err v = {0, "", false};
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_valid_error, &v);
    int rc = vc ? xmlRelaxNGValidateDoc(vc, doc) : -1;
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    if (rc == 0) return 0;
    return fail(err, path, v.line, "does not follow the data table schema: %s", v.set ? v.msg : "invalid");
}

/* Parse and validate; the root element must be `root`. */
static xmlDoc *open_table(const char *path, const char *root, fl_error *err)
{
    fl_buf b = FL_BUF_INIT;
    xmlDoc *doc = NULL;
    if (read_file(path, &b, err, "data table")) goto cleanup;
    if (b.len == 0) {
        fail(err, path, 0, "empty data table");
        goto cleanup;
    }
    fl_error xerr;
    fl_error_clear(&xerr);
    doc = fl_xml_read(b.data, b.len, path, &xerr);
    if (!doc) {
        /* a broken table is a ruleset error (exit 3), not an input error; the
         * message names the file, which the error's file field already does */
        char msg[sizeof xerr.message];
        snprintf(msg, sizeof msg, "%s", xerr.message);
        char in[PATH_MAX];
        snprintf(in, sizeof in, " in %s", path);
        char *at = strstr(msg, in);
        if (at) memmove(at, at + strlen(in), strlen(at + strlen(in)) + 1);
        const char *l = strstr(msg, "line ");
        fail(err, path, l ? atoi(l + 5) : 0, "%s", msg);
        goto cleanup;
    }
    xmlNode *r = xmlDocGetRootElement(doc);
    if (!r || strcmp((const char *)r->name, root) != 0) {
        fail(err, path, r ? node_line(r) : 0, "expected a <%s> data table", root);
        xmlFreeDoc(doc);
        doc = NULL;
        goto cleanup;
    }
    if (validate(doc, path, err)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
cleanup:
    fl_buf_free(&b);
    return doc;
}

static bool is_elem(const xmlNode *n, const char *name)
{
    return fl_xml_is(n, FL_NS_OTHER, name);
}

static const char *attr(const xmlNode *n, const char *name)
{
    return fl_xml_attr(n, FL_NS_OTHER, name);
}

static const char *attr_dup(fl_arena *a, const xmlNode *n, const char *name)
{
    const char *v = attr(n, name);
    return v ? fl_arena_strdup(a, v) : NULL;
}

/* Dates were checked by the schema's pattern; fl_date_iso_parse also rejects
 * a 30 February the pattern lets through. */
static int date_attr(fl_date *out, const xmlNode *n, const char *name, const char *path, fl_error *err)
{
    const char *v = attr(n, name);
    out->y = out->m = out->d = 0;
    if (!v) return 0;
    if (fl_date_iso_parse(out, v) || out->d == 0)
        return fail(err, path, node_line(n), "%s=\"%s\" is not a date", name, v);
    return 0;
}

static size_t count_elems(const xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (is_elem(c, name)) n++;
    return n;
}

/* ---- standards ----------------------------------------------------------- */

/* Reads what fl_standard_key accepts; returns bytes consumed of s. */
typedef struct code_reader { const char *s; size_t len, pos; uint32_t cp; size_t cplen; } code_reader;

static uint32_t peek(code_reader *r)
{
    if (r->pos >= r->len) return 0;
    r->cplen = fl_utf8_decode(r->s + r->pos, r->len - r->pos, &r->cp);
    uint32_t c = fl_norm_cp(r->cp);
    return c ? c : ' ';
}

static void advance(code_reader *r) { r->pos += r->cplen; }

/* The code point after the one peek() last saw, normalised. */
static uint32_t peek_next(const code_reader *r)
{
    size_t at = r->pos + r->cplen;
    if (at >= r->len) return 0;
    uint32_t cp;
    fl_utf8_decode(r->s + at, r->len - at, &cp);
    return fl_norm_cp(cp);
}

static void skip_spaces(code_reader *r)
{
    while (peek(r) == ' ') advance(r);
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_alpha(uint32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

size_t fl_standard_key(char *out, size_t cap, const char *s, size_t len)
{
    char buf[64];
    size_t k = 0;
    code_reader r = {s, len, 0, 0, 0};
    skip_spaces(&r);
    for (uint32_t c; is_alpha(c = peek(&r)) && k < 4; advance(&r))
        buf[k++] = (char)(c >= 'a' ? c - 32 : c);
    if (k == 0 || is_alpha(peek(&r))) return 0;
    skip_spaces(&r);
    if (peek(&r) == '/') { /* GB/T, HJ/T, GB/Z: one list for both */
        advance(&r);
        uint32_t c = peek(&r);
        if (c != 'T' && c != 't' && c != 'Z' && c != 'z') return 0;
        advance(&r);
        skip_spaces(&r);
    }
    buf[k++] = ' ';
    size_t digits = 0;
    for (uint32_t c; k < sizeof buf - 8; advance(&r)) {
        c = peek(&r);
        if (is_digit(c)) {
            buf[k++] = (char)c;
            digits++;
        } else if (c == '.' && digits && buf[k - 1] != '.' && is_digit(peek_next(&r))) {
            buf[k++] = '.';
        } else {
            break;
        }
    }
    if (!digits || k >= sizeof buf - 8) return 0;
    skip_spaces(&r);
    /* filings also type the dash as 一 (U+4E00): "GB 3838一2002" */
    if (peek(&r) == '-' || (r.cp == 0x4E00 && is_digit(peek_next(&r)))) {
        size_t save = r.pos;
        advance(&r);
        skip_spaces(&r);
        char year[4];
        size_t ny = 0;
        for (uint32_t c; is_digit(c = peek(&r)) && ny < 4; advance(&r)) year[ny++] = (char)c;
        if ((ny == 2 || ny == 4) && !is_digit(peek(&r))) {
            buf[k++] = '-';
            if (ny == 2) {
                buf[k++] = '1';
                buf[k++] = '9';
            }
            memcpy(buf + k, year, ny);
            k += ny;
        } else {
            r.pos = save; /* "GB 3838-" followed by no year: the base code */
        }
    }
    if (k + 1 > cap) return 0;
    memcpy(out, buf, k);
    out[k] = '\0';
    return k;
}

static int cmp_std_key(const void *a, const void *b)
{
    return strcmp((*(const fl_standard *const *)a)->key, (*(const fl_standard *const *)b)->key);
}

static const fl_standard *find_key(const fl_standards *t, const char *key)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(t->by_key[mid]->key, key);
        if (c == 0) return t->by_key[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const fl_standard *fl_standards_find(const fl_standards *t, const char *code, size_t len)
{
    char key[64];
    if (!t || !fl_standard_key(key, sizeof key, code, len) || !strchr(key, '-')) return NULL;
    return find_key(t, key);
}

const fl_standard *fl_standards_find_base(const fl_standards *t, const char *code, size_t len)
{
    char key[64];
    if (!t || !fl_standard_key(key, sizeof key, code, len)) return NULL;
    char *dash = strchr(key, '-');
    if (dash) *dash = '\0';
    size_t kl = strlen(key);
    const fl_standard *best = NULL;
    for (size_t i = 0; i < t->n; i++) {
        const fl_standard *s = &t->items[i];
        if (strncmp(s->key, key, kl) != 0 || s->key[kl] != '-') continue;
        bool better = !best || (s->status == FL_STD_CURRENT && best->status != FL_STD_CURRENT) ||
                      ((s->status == FL_STD_CURRENT) == (best->status == FL_STD_CURRENT) &&
                       strcmp(s->key + kl, best->key + kl) > 0);
        if (better) best = s;
    }
    return best;
}

const fl_standard *fl_standards_successor(const fl_standards *t, const fl_standard *s, const fl_date *as_of)
{
    const fl_standard *result = NULL;
    for (int hops = 0; s && s->replaced_by && hops < 16; hops++) {
        if (as_of && fl_date_cmp(as_of, &s->replaced_from) < 0) break;
        s = fl_standards_find(t, s->replaced_by, strlen(s->replaced_by));
        if (s) result = s;
    }
    return result;
}

static int read_standard(fl_standards *t, fl_standard *s, const xmlNode *n, fl_error *err)
{
    fl_arena *a = &t->arena;
    char key[64];
    s->line = node_line(n);
    s->code = attr_dup(a, n, "code");
    if (!fl_standard_key(key, sizeof key, s->code, strlen(s->code)) || !strchr(key, '-'))
        return fail(err, t->path, s->line, "standard code \"%s\" has no year", s->code);
    s->key = fl_arena_strdup(a, key);
    s->title = attr_dup(a, n, "title");
    const char *st = attr(n, "status");
    s->status = !strcmp(st, "current") ? FL_STD_CURRENT
              : !strcmp(st, "superseded") ? FL_STD_SUPERSEDED : FL_STD_ABOLISHED;
    s->replaced_by = attr_dup(a, n, "replaced-by");
    if (date_attr(&s->replaced_from, n, "replaced-from", t->path, err) ||
        date_attr(&s->issued, n, "issued", t->path, err) ||
        date_attr(&s->effective, n, "effective", t->path, err))
        return -1;
    s->conf = attr(n, "conf")[0];
    s->source = attr_dup(a, n, "source");
    s->note = attr_dup(a, n, "note");
    s->nalt = count_elems(n, "alt");
    s->alt = fl_arena_alloc(a, (s->nalt + 1) * sizeof *s->alt);
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is_elem(c, "alt")) continue;
        char *text = fl_xml_text(c);
        s->alt[k++] = fl_arena_strdup(a, text ? text : "");
        xmlFree(text);
    }
    return 0;
}

/* What the schema cannot say: keys are unique and replacements exist. */
static int check_standards(fl_standards *t, fl_error *err)
{
    for (size_t i = 1; i < t->n; i++)
        if (!strcmp(t->by_key[i]->key, t->by_key[i - 1]->key)) {
            const fl_standard *a = t->by_key[i - 1], *b = t->by_key[i];
            const fl_standard *later = a->line > b->line ? a : b, *earlier = later == a ? b : a;
            return fail(err, t->path, later->line, "%s is the same standard as %s (line %d)",
                        later->code, earlier->code, earlier->line);
        }
    for (size_t i = 0; i < t->n; i++) {
        const fl_standard *s = &t->items[i];
        if (s->replaced_by && !fl_standards_find(t, s->replaced_by, strlen(s->replaced_by)))
            return fail(err, t->path, s->line, "%s is replaced by %s, which the table does not list",
                        s->code, s->replaced_by);
    }
    return 0;
}

int fl_standards_load(fl_standards **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_standards *t = NULL;
    xmlDoc *doc = open_table(path, "standards", err);
    if (!doc) goto cleanup;
    t = fl_xcalloc(1, sizeof *t);
    fl_arena_init(&t->arena);
    t->path = fl_arena_strdup(&t->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    t->items = fl_arena_alloc(&t->arena, (count_elems(root, "standard") + 1) * sizeof *t->items);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (is_elem(n, "standard") && read_standard(t, &t->items[t->n++], n, err)) goto cleanup;
    t->by_key = fl_arena_alloc(&t->arena, (t->n + 1) * sizeof *t->by_key);
    for (size_t i = 0; i < t->n; i++) t->by_key[i] = &t->items[i];
    qsort(t->by_key, t->n, sizeof *t->by_key, cmp_std_key);
    if (check_standards(t, err)) goto cleanup;
    *out = t;
    t = NULL;
    rc = 0;
cleanup:
    fl_standards_free(t);
    xmlFreeDoc(doc);
    return rc;
}

void fl_standards_free(fl_standards *t)
{
    if (!t) return;
    fl_arena_free(&t->arena);
    free(t);
}

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
    const char *v = attr(n, name);
    *out = 0;
    for (int i = 0; i < 6; i++) {
        if (v[i] < '0' || v[i] > '9' || (i == 0 && v[i] == '0'))
            return fail(err, path, node_line(n), "%s=\"%s\" is not a six-digit GB/T 2260 code", name, v);
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
    pl->name = attr_dup(&p->arena, n, "name");
    pl->short_name = attr_dup(&p->arena, n, "short");
    pl->alias = attr_dup(&p->arena, n, "alias");
    pl->short_is_word = attr(n, "word") != NULL;
    pl->level = level;
    pl->parent = parent;
    pl->province = parent < 0 ? (int32_t)p->n : p->items[parent].province;
    pl->now = -1;
    /* a child's code extends its parent's: 32 -> 3205 -> 320505 */
    if (parent >= 0) {
        uint32_t pc = p->items[parent].code;
        uint32_t unit = p->items[parent].level == FL_PLACE_PROVINCE ? 10000 : 100;
        if (pl->code / unit != pc / unit || pl->code == pc)
            return fail(cx->err, p->path, node_line(n), "code %06u of %s does not lie under %06u %s",
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
        if (is_elem(c, "county")) {
            if (add_place(cx, c, FL_PLACE_COUNTY, pi)) return -1;
        } else if (is_elem(c, "prefecture")) {
            int32_t ci = (int32_t)cx->p->n;
            if (add_place(cx, c, FL_PLACE_PREFECTURE, pi)) return -1;
            for (const xmlNode *k = c->children; k; k = k->next)
                if (is_elem(k, "county") && add_place(cx, k, FL_PLACE_COUNTY, ci)) return -1;
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
            n += count_elems(b, "county");
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
            rc = fail(err, p->path, 0, "code %06u is used by both %s and %s", ix[i].code,
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
    pl->name = attr_dup(&p->arena, n, "name");
    const char *lv = attr(n, "level");
    pl->level = !strcmp(lv, "province") ? FL_PLACE_PROVINCE
              : !strcmp(lv, "prefecture") ? FL_PLACE_PREFECTURE : FL_PLACE_COUNTY;
    pl->former = true;
    pl->parent = pl->province = -1;
    pl->since = atoi(attr(n, "since"));
    pl->conf = attr(n, "conf")[0];
    pl->note = attr_dup(&p->arena, n, "note");
    const fl_place *now = fl_places_by_code(p, now_code);
    if (!now)
        return fail(cx->err, p->path, node_line(n), "former division %s: now=\"%s\" is not a current code",
                    pl->name, attr(n, "now"));
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
    xmlDoc *doc = open_table(path, "places", err);
    if (!doc) goto cleanup;
    p = fl_xcalloc(1, sizeof *p);
    fl_arena_init(&p->arena);
    p->path = fl_arena_strdup(&p->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    p->dataset = attr_dup(&p->arena, root, "dataset");
    if (date_attr(&p->as_of, root, "as-of", path, err)) goto cleanup;
    places_ctx cx = {p, count_places(root), err};
    p->items = fl_arena_alloc(&p->arena, (cx.cap + 1) * sizeof *p->items);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (is_elem(n, "province") && read_province(&cx, n)) goto cleanup;
    p->ncurrent = p->n;
    /* former rows refer to current codes: index those first */
    if (index_codes(p, err)) goto cleanup;
    for (const xmlNode *n = root->children; n; n = n->next)
        if (is_elem(n, "former") && read_former(&cx, n)) goto cleanup;
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

/* ---- holidays ------------------------------------------------------------ */

static int read_year(fl_holidays *h, fl_holiday_year *y, const xmlNode *n, fl_error *err)
{
    fl_arena *a = &h->arena;
    y->line = node_line(n);
    y->year = atoi(attr(n, "y"));
    y->conf = attr(n, "conf")[0];
    y->notice = attr_dup(a, n, "notice");
    y->number = attr_dup(a, n, "number");
    y->issued = attr_dup(a, n, "issued");
    y->source = attr_dup(a, n, "source");
    y->note = attr_dup(a, n, "note");
    y->namended = count_elems(n, "amended");
    y->amended = fl_arena_alloc(a, (y->namended + 1) * sizeof *y->amended);
    y->off = fl_arena_alloc(a, (count_elems(n, "off") + 1) * sizeof *y->off);
    y->work = fl_arena_alloc(a, (count_elems(n, "work") + 1) * sizeof *y->work);
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is_elem(c, "amended")) {
            y->amended[k++] = attr_dup(a, c, "notice");
        } else if (is_elem(c, "off")) {
            fl_holiday_off *o = &y->off[y->noff++];
            o->name = attr_dup(a, c, "name");
            o->line = node_line(c);
            if (date_attr(&o->from, c, "from", h->path, err) || date_attr(&o->to, c, "to", h->path, err))
                return -1;
            if (fl_date_days(&o->to) < fl_date_days(&o->from))
                return fail(err, h->path, node_line(c), "holiday %s ends before it starts", o->name);
            /* a notice arranges its own year, at most reaching back into late December */
            if (o->to.y != y->year || (o->from.y != y->year && !(o->from.y == y->year - 1 && o->from.m == 12)))
                return fail(err, h->path, node_line(c), "holiday %s lies outside %d", o->name, y->year);
        } else if (is_elem(c, "work")) {
            fl_holiday_work *w = &y->work[y->nwork++];
            w->name = attr_dup(a, c, "for");
            w->line = node_line(c);
            if (date_attr(&w->date, c, "date", h->path, err)) return -1;
            if (w->date.y != y->year && !(w->date.y == y->year - 1 && w->date.m == 12))
                return fail(err, h->path, node_line(c), "working day for %s lies outside %d", w->name, y->year);
        }
    }
    return 0;
}

static int cmp_year(const void *a, const void *b)
{
    return ((const fl_holiday_year *)a)->year - ((const fl_holiday_year *)b)->year;
}

/* No year twice, no day both off and worked. */
static int check_holidays(fl_holidays *h, fl_error *err)
{
    for (size_t i = 1; i < h->nyears; i++)
        if (h->years[i].year == h->years[i - 1].year)
            return fail(err, h->path, h->years[i].line > h->years[i - 1].line ? h->years[i].line : h->years[i - 1].line,
                        "year %d appears twice", h->years[i].year);
    for (size_t i = 0; i < h->nyears; i++)
        for (size_t j = 0; j < h->years[i].nwork; j++) {
            long d = fl_date_days(&h->years[i].work[j].date);
            for (size_t k = 0; k < h->nyears; k++)
                for (size_t m = 0; m < h->years[k].noff; m++) {
                    const fl_holiday_off *o = &h->years[k].off[m];
                    if (d >= fl_date_days(&o->from) && d <= fl_date_days(&o->to)) {
                        char iso[11];
                        fl_date_format(&h->years[i].work[j].date, iso);
                        return fail(err, h->path, h->years[i].work[j].line,
                                    "%s is both a working day (%s) and a holiday (%s, line %d)", iso,
                                    h->years[i].work[j].name, o->name, o->line);
                    }
                }
        }
    return 0;
}

int fl_holidays_load(fl_holidays **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_holidays *h = NULL;
    xmlDoc *doc = open_table(path, "holidays", err);
    if (!doc) goto cleanup;
    h = fl_xcalloc(1, sizeof *h);
    fl_arena_init(&h->arena);
    h->path = fl_arena_strdup(&h->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    h->years = fl_arena_alloc(&h->arena, (count_elems(root, "year") + 1) * sizeof *h->years);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (is_elem(n, "year") && read_year(h, &h->years[h->nyears++], n, err)) goto cleanup;
    qsort(h->years, h->nyears, sizeof *h->years, cmp_year);
    if (check_holidays(h, err)) goto cleanup;
    *out = h;
    h = NULL;
    rc = 0;
cleanup:
    fl_holidays_free(h);
    xmlFreeDoc(doc);
    return rc;
}

void fl_holidays_free(fl_holidays *h)
{
    if (!h) return;
    fl_arena_free(&h->arena);
    free(h);
}

const fl_holiday_year *fl_holidays_year(const fl_holidays *h, int year)
{
    for (size_t i = 0; h && i < h->nyears; i++)
        if (h->years[i].year == year) return &h->years[i];
    return NULL;
}
