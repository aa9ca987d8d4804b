/* Loading rulesets/data/mulu.xml and finding the items a 建设项目行业类别
 * names. The table is opened and validated like the other data tables
 * (fl_tab_open_schema, against schema/mulu.rng); the loader then checks what
 * the schema cannot: thresholds that are quantities, class names that are
 * not empty and belong to one item, item numbers used once. */
#include "data/mulu.h"
#include "data/instruments.h"
#include "data/table.h"
#include "core/buf.h"
#include "core/xmlsafe.h"
#include <stdio.h>
#include <stdlib.h>
#include "core/memfind.h"
#include <string.h>

static const char *key_dup(fl_arena *a, const char *s, size_t *len)
{
    size_t n = strlen(s);
    char *k = fl_arena_alloc(a, n + 1);
    *len = fl_instrument_key(s, n, k, NULL);
    return k;
}

/* Trimmed text of an element, in the arena. */
static const char *text_dup(fl_arena *a, const xmlNode *n)
{
    char *t = fl_xml_text(n);
    const char *s = t ? t : "";
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    size_t l = strlen(s);
    while (l && (s[l - 1] == ' ' || s[l - 1] == '\n' || s[l - 1] == '\t' || s[l - 1] == '\r')) l--;
    char *r = fl_arena_alloc(a, l + 1);
    memcpy(r, s, l);
    r[l] = '\0';
    xmlFree(t);
    return r;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (fl_tab_is_elem(c, name)) return c;
    return NULL;
}

static int read_test(fl_mulu *t, fl_mulu_test *ts, const xmlNode *n, fl_error *err)
{
    fl_arena *a = &t->arena;
    ts->line = fl_tab_node_line(n);
    ts->index = t->ntests++;
    ts->say = fl_tab_attr_dup(a, n, "say");
    ts->match = fl_tab_attr_dup(a, n, "match");
    ts->unless = fl_tab_attr_dup(a, n, "unless");
    const char *no = fl_tab_attr(n, "new-only");
    ts->new_only = no && (!strcmp(no, "true") || !strcmp(no, "1"));
    if (fl_tab_is_elem(n, "text")) ts->kind = FL_MULU_TEXT;
    else if (fl_tab_is_elem(n, "all")) ts->kind = FL_MULU_ALL;
    else if (fl_tab_is_elem(n, "count")) {
        ts->kind = FL_MULU_COUNT;
        ts->unit = fl_tab_attr_dup(a, n, "unit");
        ts->count_min = strtod(fl_tab_attr(n, "at-least"), NULL);
        if (!(ts->count_min > 0))
            return fl_error_at(err, FL_E_RULESET, t->path, ts->line, "at-least=\"%s\" is not a positive number",
                               fl_tab_attr(n, "at-least"));
    } else {
        ts->kind = FL_MULU_AMOUNT;
        const char *v = fl_tab_attr(n, "at-least");
        if (!v) {
            v = fl_tab_attr(n, "over");
            ts->strict = true;
        }
        size_t vl = strlen(v);
        size_t used = fl_quantity_parse(&ts->min, v, vl, NULL);
        if (used != vl || ts->min.dim == FL_DIM_NONE || ts->min.range || ts->min.cmp != FL_QCMP_EQ)
            return fl_error_at(err, FL_E_RULESET, t->path, ts->line,
                               "threshold \"%s\" is not one number with a unit (10t/a, 65t/h, 100000m³/d)", v);
    }
    return 0;
}

static int read_item(fl_mulu *t, fl_mulu_item *it, const xmlNode *ch, const xmlNode *n, fl_error *err)
{
    fl_arena *a = &t->arena;
    it->line = fl_tab_node_line(n);
    it->chapter_no = fl_tab_attr_dup(a, ch, "no");
    it->chapter_name = fl_tab_attr_dup(a, ch, "name");
    it->chapter_code = fl_tab_attr_dup(a, ch, "code");
    it->no = fl_tab_attr_dup(a, n, "no");
    it->conf = fl_tab_attr(n, "conf")[0];
    it->source = fl_tab_attr_dup(a, n, "source");
    it->note = fl_tab_attr_dup(a, n, "note");
    it->nclasses = fl_tab_count_elems(n, "class");
    it->classes = fl_arena_alloc(a, it->nclasses * sizeof *it->classes);
    fl_buf d = FL_BUF_INIT;
    fl_buf_printf(&d, "%s", it->no);
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!fl_tab_is_elem(c, "class")) continue;
        fl_mulu_class *cl = &it->classes[k];
        cl->name = text_dup(a, c);
        cl->code = fl_tab_attr_dup(a, c, "code");
        cl->key = key_dup(a, cl->name, &cl->keylen);
        if (cl->keylen == 0) {
            fl_buf_free(&d);
            return fl_error_at(err, FL_E_RULESET, t->path, fl_tab_node_line(c), "class of item %s holds no Han character, letter or digit",
                               it->no);
        }
        fl_buf_printf(&d, "%s%s%s", k ? "；" : " ", cl->name, cl->code ? cl->code : "");
        k++;
    }
    it->display = fl_arena_strdup(a, d.data);
    fl_buf_free(&d);
    it->book = text_dup(a, child(n, "book"));
    it->form = text_dup(a, child(n, "form"));
    it->reg = text_dup(a, child(n, "register"));
    const xmlNode *s = child(n, "sensitive-meaning");
    it->sensitive = s ? text_dup(a, s) : NULL;
    const xmlNode *j = child(n, "judge");
    if (!j) return 0;
    for (const xmlNode *c = j->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) it->ntests++;
    it->tests = fl_arena_alloc(a, it->ntests * sizeof *it->tests);
    k = 0;
    for (const xmlNode *c = j->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && read_test(t, &it->tests[k++], c, err)) return -1;
    return 0;
}

/* No item number twice; no class under two items (a value naming it would
 * find both). Rows are few: the square is nothing. */
static int check_rows(const fl_mulu *t, fl_error *err)
{
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < i; j++) {
            const fl_mulu_item *x = &t->items[i], *y = &t->items[j];
            if (!strcmp(x->no, y->no))
                return fl_error_at(err, FL_E_RULESET, t->path, x->line, "item %s is listed twice (line %d)", x->no, y->line);
            for (size_t a = 0; a < x->nclasses; a++)
                for (size_t b = 0; b < y->nclasses; b++)
                    if (x->classes[a].keylen == y->classes[b].keylen &&
                        !memcmp(x->classes[a].key, y->classes[b].key, x->classes[a].keylen))
                        return fl_error_at(err, FL_E_RULESET, t->path, x->line, "class %s of item %s is also a class of item %s (line %d)",
                                           x->classes[a].name, x->no, y->no, y->line);
        }
    return 0;
}

int fl_mulu_load(fl_mulu **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_mulu *t = NULL;
    xmlDoc *doc = fl_tab_open_schema(path, "mulu", "mulu.rng", err);
    if (!doc) goto cleanup;
    t = fl_xcalloc(1, sizeof *t);
    fl_arena_init(&t->arena);
    fl_arena *a = &t->arena;
    t->path = fl_arena_strdup(a, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    t->title = fl_tab_attr_dup(a, root, "title");
    t->edition = fl_tab_attr_dup(a, root, "edition");
    t->source = fl_tab_attr_dup(a, root, "source");
    if (fl_tab_date_attr(&t->from, root, "from", path, err)) goto cleanup;
    size_t nitems = 0;
    for (const xmlNode *ch = root->children; ch; ch = ch->next) {
        if (!fl_tab_is_elem(ch, "chapter")) continue;
        t->nchapters++;
        nitems += fl_tab_count_elems(ch, "item");
    }
    t->items = fl_arena_alloc(a, (nitems + 1) * sizeof *t->items);
    t->chapters = fl_arena_alloc(a, (t->nchapters + 1) * sizeof *t->chapters);
    size_t nch = 0;
    for (const xmlNode *ch = root->children; ch; ch = ch->next) {
        if (fl_tab_is_elem(ch, "sensitive")) {
            const char *no = fl_tab_attr(ch, "no");
            int i = !strcmp(no, "一") ? 0 : !strcmp(no, "二") ? 1 : 2;
            t->sensitive[i] = text_dup(a, ch);
            continue;
        }
        if (!fl_tab_is_elem(ch, "chapter")) continue;
        fl_mulu_chapter_key *ck = &t->chapters[nch++];
        ck->key = key_dup(a, fl_tab_attr(ch, "name"), &ck->len);
        for (const xmlNode *n = ch->children; n; n = n->next)
            if (fl_tab_is_elem(n, "item") && read_item(t, &t->items[t->n++], ch, n, err)) goto cleanup;
    }
    if (check_rows(t, err)) goto cleanup;
    *out = t;
    t = NULL;
    rc = 0;
cleanup:
    fl_mulu_free(t);
    xmlFreeDoc(doc);
    return rc;
}

void fl_mulu_free(fl_mulu *t)
{
    if (!t) return;
    fl_arena_free(&t->arena);
    free(t);
}

/* needle in haystack[0..hl), NULL if absent */
static char *find(char *h, size_t hl, const char *needle, size_t nl)
{
    return nl ? (char *)fl_memfind(h, hl, needle, nl) : NULL;
}

size_t fl_mulu_lookup(const fl_mulu *t, const char *value, const fl_mulu_item **out, size_t max)
{
    size_t vl = strlen(value);
    char stack[1024];
    char *key = vl < sizeof stack ? stack : fl_xmalloc(vl + 1);
    size_t kl = fl_instrument_key(value, vl, key, NULL);
    /* a chapter name written in the value is not a class inside it:
     * 橡胶和塑料制品业 holds 塑料制品业. Blanked with a byte no key holds. */
    for (size_t c = 0; c < t->nchapters; c++) {
        const fl_mulu_chapter_key *ck = &t->chapters[c];
        if (ck->len == 0) continue;
        for (char *p = key; (p = find(p, kl - (size_t)(p - key), ck->key, ck->len));)
            memset(p, '\x01', ck->len);
    }
    size_t n = 0;
    for (size_t i = 0; i < t->n && n < max; i++) {
        const fl_mulu_item *it = &t->items[i];
        for (size_t c = 0; c < it->nclasses; c++)
            if (find(key, kl, it->classes[c].key, it->classes[c].keylen)) {
                out[n++] = it;
                break;
            }
    }
    if (key != stack) free(key);
    return n;
}
