/* The table of standards (tables.h): codes, titles, in force and replaced. */
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
    s->line = fl_tab_node_line(n);
    s->code = fl_tab_attr_dup(a, n, "code");
    if (!fl_standard_key(key, sizeof key, s->code, strlen(s->code)) || !strchr(key, '-'))
        return fl_error_at(err, FL_E_RULESET, t->path, s->line, "standard code \"%s\" has no year", s->code);
    s->key = fl_arena_strdup(a, key);
    s->title = fl_tab_attr_dup(a, n, "title");
    const char *st = fl_tab_attr(n, "status");
    s->status = !strcmp(st, "current") ? FL_STD_CURRENT
              : !strcmp(st, "superseded") ? FL_STD_SUPERSEDED : FL_STD_ABOLISHED;
    s->replaced_by = fl_tab_attr_dup(a, n, "replaced-by");
    if (fl_tab_date_attr(&s->replaced_from, n, "replaced-from", t->path, err) ||
        fl_tab_date_attr(&s->issued, n, "issued", t->path, err) ||
        fl_tab_date_attr(&s->effective, n, "effective", t->path, err))
        return -1;
    s->conf = fl_tab_attr(n, "conf")[0];
    s->source = fl_tab_attr_dup(a, n, "source");
    s->note = fl_tab_attr_dup(a, n, "note");
    s->nalt = fl_tab_count_elems(n, "alt");
    s->alt = fl_arena_alloc(a, (s->nalt + 1) * sizeof *s->alt);
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!fl_tab_is_elem(c, "alt")) continue;
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
            return fl_error_at(err, FL_E_RULESET, t->path, later->line, "%s is the same standard as %s (line %d)",
                        later->code, earlier->code, earlier->line);
        }
    for (size_t i = 0; i < t->n; i++) {
        const fl_standard *s = &t->items[i];
        if (s->replaced_by && !fl_standards_find(t, s->replaced_by, strlen(s->replaced_by)))
            return fl_error_at(err, FL_E_RULESET, t->path, s->line, "%s is replaced by %s, which the table does not list",
                        s->code, s->replaced_by);
    }
    return 0;
}

int fl_standards_load(fl_standards **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_standards *t = NULL;
    xmlDoc *doc = fl_tab_open_table(path, "standards", err);
    if (!doc) goto cleanup;
    t = fl_xcalloc(1, sizeof *t);
    fl_arena_init(&t->arena);
    t->path = fl_arena_strdup(&t->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    t->items = fl_arena_alloc(&t->arena, (fl_tab_count_elems(root, "standard") + 1) * sizeof *t->items);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (fl_tab_is_elem(n, "standard") && read_standard(t, &t->items[t->n++], n, err)) goto cleanup;
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
