/* Loading rulesets/data/instruments.xml and finding its citations in a text.
 * The table is opened and validated like the other data tables
 * (fl_tab_open_schema, against schema/instruments.rng); the loader then checks
 * what the schema cannot: unique ids, replacements that exist and do not
 * loop, cites that are not empty and belong to one row. */
#include "data/instruments.h"
#include "data/table.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/xmlsafe.h"
#include <stdlib.h>
#include <string.h>

/* ---- key form ------------------------------------------------------------ */

static bool is_han(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool is_ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

size_t fl_instrument_key(const char *s, size_t len, char *out, uint32_t *map)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        /* fast paths for what filings are made of (ASCII, then the three-byte
         * forms of U+3000..U+9FFF), which normalising leaves as they are */
        unsigned char c0 = (unsigned char)s[i];
        if (c0 < 0x80) {
            if (is_ascii_alnum(c0)) {
                if (map) map[o] = (uint32_t)i;
                out[o++] = (char)c0;
            }
            i++;
            continue;
        }
        if (c0 >= 0xE3 && c0 <= 0xE9 && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            uint32_t c = ((uint32_t)(c0 & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (uint32_t)(s[i + 2] & 0x3F);
            bool drop_di = c == 0x7B2C /* 第 */ && o > 0 && out[o - 1] >= '0' && out[o - 1] <= '9';
            if (is_han(c) && !drop_di) {
                for (size_t k = 0; k < 3; k++) {
                    if (map) map[o] = (uint32_t)i;
                    out[o++] = s[i + k];
                }
            }
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (n == 0) n = 1;
        uint32_t c = fl_norm_cp(cp); /* full-width digits and letters become ASCII */
        /* 〔2014〕第93号 and 〔2014〕93号 are the same 文号 */
        bool drop_di = c == 0x7B2C /* 第 */ && o > 0 && out[o - 1] >= '0' && out[o - 1] <= '9';
        if (is_ascii_alnum(c)) {
            if (map) map[o] = (uint32_t)i;
            out[o++] = (char)c;
        } else if (is_han(c) && !drop_di) {
            for (size_t k = 0; k < n; k++) {
                if (map) map[o] = (uint32_t)i;
                out[o++] = s[i + k];
            }
        }
        i += n;
    }
    out[o] = '\0';
    if (map) map[o] = (uint32_t)len;
    return o;
}

/* ---- loading ------------------------------------------------------------- */

static const char *attr(const xmlNode *n, const char *name) { return fl_xml_attr(n, FL_NS_OTHER, name); }
static int line_of(const xmlNode *n) { return (int)xmlGetLineNo((xmlNode *)n); }

static const char *key_dup(fl_arena *a, const char *s, size_t *len)
{
    size_t n = strlen(s);
    char *k = fl_arena_alloc(a, n + 1);
    *len = fl_instrument_key(s, n, k, NULL);
    return k;
}

/* Han characters, then a year and a number run together, then 号: the key
 * form of a 文号 such as 环办〔2014〕93号. */
static bool key_is_docno(const char *k, size_t len)
{
    static const char hao[] = "号";
    if (len < 3 + 3 + 5 || memcmp(k + len - 3, hao, 3) != 0) return false;
    size_t d = len - 3, digits = 0;
    while (d > 0 && k[d - 1] >= '0' && k[d - 1] <= '9') {
        d--;
        digits++;
    }
    return digits >= 5 && d >= 3 && (unsigned char)k[0] >= 0xE3;
}

static int read_row(fl_instruments *t, fl_instrument *in, const xmlNode *n, size_t *nc, fl_error *err)
{
    fl_arena *a = &t->arena;
    in->line = line_of(n);
    in->id = fl_arena_strdup(a, attr(n, "id"));
    in->title = fl_arena_strdup(a, attr(n, "title"));
    in->edition = fl_arena_strdup(a, attr(n, "edition"));
    size_t dl = strlen(in->title) + (in->edition ? strlen(in->edition) : 0) + 16;
    char *disp = fl_arena_alloc(a, dl);
    snprintf(disp, dl, in->edition ? "《%s》（%s）" : "《%s》", in->title, in->edition);
    in->display = disp;
    const char *st = attr(n, "status");
    in->status = !strcmp(st, "current") ? FL_INSTR_CURRENT : !strcmp(st, "replaced") ? FL_INSTR_REPLACED : FL_INSTR_REPEALED;
    in->repealed_by = fl_arena_strdup(a, attr(n, "repealed-by"));
    const char *from = attr(n, "from");
    if (from && (fl_date_iso_parse(&in->from, from) || in->from.d == 0))
        return fl_error_at(err, FL_E_RULESET, t->path, in->line, "from=\"%s\" is not a date", from);
    in->conf = attr(n, "conf")[0];
    in->source = fl_arena_strdup(a, attr(n, "source"));
    in->note = fl_arena_strdup(a, attr(n, "note"));
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!fl_xml_is(c, FL_NS_OTHER, "cite")) continue;
        fl_instrument_cite *ci = &t->cites[(*nc)++];
        ci->line = line_of(c);
        ci->inst = in;
        char *text = fl_xml_text(c);
        ci->key = key_dup(a, text ? text : "", &ci->len);
        xmlFree(text);
        if (ci->len == 0)
            return fl_error_at(err, FL_E_RULESET, t->path, ci->line, "cite of %s holds no Han character, letter or digit", in->id);
        const char *near = attr(c, "near");
        if (near) {
            ci->near = key_dup(a, near, &ci->near_len);
            if (ci->near_len == 0)
                return fl_error_at(err, FL_E_RULESET, t->path, ci->line, "near=\"%s\" holds no Han character, letter or digit", near);
        }
        ci->docno = key_is_docno(ci->key, ci->len);
    }
    return 0;
}

/* replaced-by resolved; no id twice; no loop; no cite under two rows. */
static int link_rows(fl_instruments *t, const xmlNode *root, fl_error *err)
{
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(t->items[i].id, t->items[j].id))
                return fl_error_at(err, FL_E_RULESET, t->path, t->items[i].line, "id %s is used twice (line %d)", t->items[i].id,
                                       t->items[j].line);
    size_t i = 0;
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (!fl_xml_is(n, FL_NS_OTHER, "instrument")) continue;
        fl_instrument *in = &t->items[i++];
        const char *by = attr(n, "replaced-by");
        if (!by) continue;
        in->replaced_by = fl_instruments_find(t, by);
        if (!in->replaced_by)
            return fl_error_at(err, FL_E_RULESET, t->path, in->line, "%s is replaced by %s, which the table does not list", in->id, by);
    }
    for (size_t k = 0; k < t->n; k++) {
        const fl_instrument *p = &t->items[k];
        for (size_t hops = 0; p; hops++, p = p->replaced_by)
            if (hops > t->n)
                return fl_error_at(err, FL_E_RULESET, t->path, t->items[k].line, "the replacements of %s go round in a loop",
                                       t->items[k].id);
    }
    /* a cite is short and rows are few: the square is nothing */
    for (size_t a = 0; a < t->ncites; a++)
        for (size_t b = 0; b < a; b++) {
            const fl_instrument_cite *x = &t->cites[a], *y = &t->cites[b];
            if (x->len == y->len && !memcmp(x->key, y->key, x->len) && x->inst != y->inst)
                return fl_error_at(err, FL_E_RULESET, t->path, x->line, "cite %s of %s is also a cite of %s (line %d)", x->key,
                                       x->inst->id, y->inst->id, y->line);
        }
    return 0;
}

int fl_instruments_load(fl_instruments **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_instruments *t = NULL;
    xmlDoc *doc = fl_tab_open_schema(path, "instruments", "instruments.rng", err);
    if (!doc) goto cleanup;
    t = fl_xcalloc(1, sizeof *t);
    fl_arena_init(&t->arena);
    t->path = fl_arena_strdup(&t->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    size_t nrows = 0, ncites = 0;
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (!fl_xml_is(n, FL_NS_OTHER, "instrument")) continue;
        nrows++;
        for (const xmlNode *c = n->children; c; c = c->next)
            if (fl_xml_is(c, FL_NS_OTHER, "cite")) ncites++;
    }
    t->items = fl_arena_alloc(&t->arena, (nrows + 1) * sizeof *t->items);
    t->cites = fl_arena_alloc(&t->arena, (ncites + 1) * sizeof *t->cites);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (fl_xml_is(n, FL_NS_OTHER, "instrument") && read_row(t, &t->items[t->n++], n, &t->ncites, err))
            goto cleanup;
    if (link_rows(t, root, err)) goto cleanup;
    fl_ac_builder *b = fl_ac_builder_new();
    for (size_t i = 0; i < t->ncites; i++) {
        fl_ac_builder_add(b, t->cites[i].key, t->cites[i].len, (uint32_t)i);
        if (t->cites[i].len > t->maxkey) t->maxkey = t->cites[i].len;
    }
    t->ac = fl_ac_build(b);
    *out = t;
    t = NULL;
    rc = 0;
cleanup:
    fl_instruments_free(t);
    xmlFreeDoc(doc);
    return rc;
}

void fl_instruments_free(fl_instruments *t)
{
    if (!t) return;
    fl_ac_free(t->ac);
    fl_arena_free(&t->arena);
    free(t);
}

const fl_instrument *fl_instruments_find(const fl_instruments *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->items[i].id, id)) return &t->items[i];
    return NULL;
}

const fl_instrument *fl_instrument_successor(const fl_instrument *inst, const fl_date *d, fl_date *from)
{
    const fl_instrument *r = NULL;
    /* the loader rejected loops; the bound is only a guard */
    for (int hops = 0; inst && inst->status != FL_INSTR_CURRENT && hops < 64; hops++) {
        if (fl_date_cmp(d, &inst->from) < 0) break;
        *from = inst->from;
        if (inst->status == FL_INSTR_REPEALED) return inst;
        r = inst = inst->replaced_by;
    }
    return r;
}

/* ---- matching ------------------------------------------------------------ */

void fl_instr_scratch_free(fl_instr_scratch *sc)
{
    free(sc->key);
    free(sc->map);
    free(sc->m);
    memset(sc, 0, sizeof *sc);
}

/* Characters that join a 文号 to the words before it (根据环办…, 按照…,
 * 和…, 的…) rather than make it another issuer's (苏环办…, 浙环发…). */
static bool joins(uint32_t cp)
{
    static const uint32_t ok[] = {0x636E /* 据 */, 0x7167 /* 照 */, 0x6309 /* 按 */, 0x4F9D /* 依 */,
                                  0x89C1 /* 见 */, 0x548C /* 和 */, 0x53CA /* 及 */, 0x4E0E /* 与 */,
                                  0x6216 /* 或 */, 0x7684 /* 的 */, 0x5373 /* 即 */, 0x4E8E /* 于 */,
                                  0x4E3A /* 为 */, 0x662F /* 是 */, 0x6267 /* 执 */, 0x884C /* 行 */};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (cp == ok[i]) return true;
    return false;
}

/* The code point before text[off], 0 at the start. */
static uint32_t prev_cp(const char *text, size_t off)
{
    if (off == 0) return 0;
    size_t p = off - 1;
    while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80) p--;
    uint32_t cp;
    return fl_utf8_decode(text + p, off - p, &cp) ? fl_norm_cp(cp) : 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

typedef struct match_ctx {
    const fl_instruments *t;
    const char *text;         /* the whole text */
    size_t len;
    fl_instr_scratch *sc;
    size_t base;              /* offset in text of the window the key was made of */
    size_t klen;
    size_t fresh_from, fresh_to; /* matches starting here belong to this window */
} match_ctx;

static int on_match(void *vctx, size_t ks, size_t ke, uint32_t id)
{
    match_ctx *cx = vctx;
    fl_instr_scratch *sc = cx->sc;
    const fl_instrument_cite *ci = &cx->t->cites[id];
    const char *k = sc->key;
    size_t start = cx->base + sc->map[ks];
    if (start < cx->fresh_from || start >= cx->fresh_to) return 0; /* another window's */
    /* 44号令 is not inside 144号令, nor 2021版 inside 20210版 */
    if (is_digit(k[ks]) && ks > 0 && is_digit(k[ks - 1])) return 0;
    if (is_digit(k[ke - 1]) && ke < cx->klen && is_digit(k[ke])) return 0;
    if (ci->docno) {
        uint32_t p = prev_cp(cx->text, start);
        if (is_han(p) && !joins(p)) return 0;
    }
    /* the end of the last character of the match */
    size_t last = cx->base + sc->map[ke - 1];
    uint32_t cp;
    size_t n = fl_utf8_decode(cx->text + last, cx->len - last, &cp);
    size_t end = last + (n ? n : 1);
    if (sc->n == sc->mcap) {
        sc->mcap = sc->mcap ? sc->mcap * 2 : 8;
        sc->m = fl_xrealloc(sc->m, sc->mcap * sizeof *sc->m);
    }
    sc->m[sc->n++] = (fl_instr_match){start, end, ci};
    return 0;
}

static int by_start(const void *x, const void *y)
{
    const fl_instr_match *p = x, *q = y;
    if (p->start != q->start) return p->start < q->start ? -1 : 1;
    if (p->end != q->end) return p->end > q->end ? -1 : 1;
    return p->cite < q->cite ? -1 : p->cite > q->cite;
}

/* Back to the start of the character holding text[i]. */
static size_t char_start(const char *text, size_t i)
{
    while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80) i--;
    return i;
}

/* A text is keyed and scanned in windows of this many bytes, so that a
 * paragraph of 50 MB costs no more memory than one of 64 KB. */
#define WINDOW ((size_t)1 << 16)

size_t fl_instruments_match(const fl_instruments *t, const char *text, size_t len, fl_instr_scratch *sc,
                            const fl_instr_match **out)
{
    sc->n = 0;
    *out = sc->m;
    if (len == 0) return 0;
    /* Windows overlap by more than any citation can span, the characters the
     * key form drops (brackets, spaces) included, and one character more each
     * side for the boundary tests; a match is kept by the window whose fresh
     * part it starts in. */
    size_t overlap = 8 * t->maxkey + 64, step = WINDOW;
    size_t need = step + 2 * overlap + 8;
    if (need > len + 1) need = len + 1;
    if (need > sc->cap) {
        sc->cap = need;
        sc->key = fl_xrealloc(sc->key, sc->cap);
        sc->map = fl_xrealloc(sc->map, sc->cap * sizeof *sc->map);
    }
    for (size_t fresh = 0; fresh < len;) {
        size_t to = fresh + step >= len ? len : char_start(text, fresh + step);
        if (to <= fresh) to = len; /* a window smaller than one character: cannot happen */
        size_t ws = fresh > overlap ? char_start(text, fresh - overlap) : 0;
        size_t we = len - to > overlap ? char_start(text, to + overlap) : len;
        match_ctx cx = {t, text, len, sc, ws, 0, fresh, to};
        cx.klen = fl_instrument_key(text + ws, we - ws, sc->key, sc->map);
        if (cx.klen) fl_ac_scan(t->ac, sc->key, cx.klen, FL_AC_ALL, on_match, &cx);
        fresh = to;
    }
    /* by start, the longer first among those starting together: the kind
     * finds a sentence's citations by binary search */
    if (sc->n > 1) qsort(sc->m, sc->n, sizeof *sc->m, by_start);
    *out = sc->m;
    return sc->n;
}
