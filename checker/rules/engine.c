/* The rule engine: decides which rules apply to a document, runs each rule's
 * kind over it, and turns the kinds' hits into located findings. Per-document
 * work that several rules need — normalised block text, the blocks of a scope,
 * sentence boundaries — is computed once on first use and cached in the scan
 * state, so adding a rule over an existing scope costs only its own matching. */
#include "rules/engine.h"
#include "rules/kind.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "model/form.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What a kind keeps across the documents one linter runs over. */
typedef struct kind_state { const fl_kind *kind; void *state; void (*drop)(void *); } kind_state;

struct fl_lint {
    const fl_rules *rules;
    fl_matcher m;
    kind_state *kinds;
    size_t nkinds, cap_kinds;
};

typedef struct scope_entry { fl_scope_spec spec; fl_scope scope; uint64_t hash; } scope_entry;
typedef struct sentences { uint32_t *ends; uint32_t n; } sentences;

/* Code points before every COL_STEP-th byte of a long block, so that a
 * finding's column and excerpt cost a few kilobytes of counting, not the
 * whole block each time: a paragraph of 200 MB has thousands of findings. */
enum { COL_STEP = 4096 };
typedef struct colmap { uint32_t *at; size_t n; } colmap;

/* Per-block caches that few blocks need (sentences of blocks with a hit,
 * columns of long blocks): a map from block index to an arena record, so
 * that they cost nothing for the blocks that never ask. */
typedef struct blockmap {
    int *keys; /* -1 empty */
    void **vals;
    size_t n, cap;
} blockmap;

/* Bytes of fl_scan_test's copies kept before they are dropped. */
enum { TESTS_KEEP = 1u << 20 };

struct fl_scan {
    fl_lint *lint;
    const fl_doc *doc;
    const fl_lint_opts *opts;
    const char *doc_type;
    fl_result *res;
    const fl_rule *rule;
    const fl_basis *basis; /* what the rule's findings cite on this document */
    fl_judging judged;
    bool failed;
    fl_arena arena;       /* the caches below, for the whole run */
    /* What kinds allocate (fl_scan_arena): emptied after every rule, so
     * that what one rule builds over a long block does not stay for the
     * next 40. Findings copy what they keep into the result's arena. */
    fl_arena scratch;
    fl_arena tests;       /* fl_scan_test's normalised copies, emptied past TESTS_KEEP */
    fl_norm *norms;       /* per block, text == NULL until computed (24 bytes) */
    blockmap sents;       /* block -> sentences, long blocks only (fl_scan_sentence) */
    int sent_block;       /* the last sentence found without a table: block, -1 none */
    size_t sent_start, sent_end;
    blockmap cols;        /* block -> colmap, blocks of COL_STEP bytes or more */
    scope_entry *scopes;
    size_t nscopes, cap_scopes;
};

fl_lint *fl_lint_new(const fl_rules *rules)
{
    fl_lint *l = fl_xcalloc(1, sizeof *l);
    l->rules = rules;
    fl_matcher_init(&l->m);
    return l;
}

void fl_lint_free(fl_lint *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->nkinds; i++)
        if (l->kinds[i].state && l->kinds[i].drop) l->kinds[i].drop(l->kinds[i].state);
    free(l->kinds);
    fl_matcher_fini(&l->m);
    free(l);
}

void **fl_scan_kind_state(fl_scan *s, const fl_kind *k, void (*drop)(void *))
{
    fl_lint *l = s->lint;
    for (size_t i = 0; i < l->nkinds; i++)
        if (l->kinds[i].kind == k) return &l->kinds[i].state;
    FL_VEC_RESERVE(l->kinds, l->cap_kinds, l->nkinds + 1);
    l->kinds[l->nkinds] = (kind_state){k, NULL, drop};
    return &l->kinds[l->nkinds++].state;
}

/* ---- scan helpers for kinds ---------------------------------------------- */

const fl_doc *fl_scan_doc(const fl_scan *s) { return s->doc; }
const fl_lint_opts *fl_scan_opts(const fl_scan *s) { return s->opts; }
const fl_judging *fl_scan_judging(const fl_scan *s) { return &s->judged; }
bool fl_scan_in_force(const fl_scan *s, const fl_in_force *f) { return fl_in_force_on(f, &s->judged.date); }

bool fl_scan_own_date(fl_scan *s, fl_date *out, const char **shown)
{
    const fl_filing_date *fd = &s->doc->filing_date;
    if (fd->found && fl_date_valid(&fd->value) && fd->value.y) {
        *out = fd->value;
        *shown = fd->text ? fd->text : "";
        return true;
    }
    if (s->judged.from != FL_JUDGED_OPTION) return false;
    *out = s->judged.date;
    *shown = fl_scan_iso(s, &s->judged.date);
    return true;
}
const char *fl_scan_doc_type(const fl_scan *s) { return s->doc_type; }
fl_arena *fl_scan_arena(fl_scan *s) { return &s->scratch; }
bool fl_scan_failed(const fl_scan *s) { return s->failed; }

static void **blockmap_slot(blockmap *m, int key)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        int *keys = fl_xmalloc(cap * sizeof *keys);
        void **vals = fl_xcalloc(cap, sizeof *vals);
        for (size_t i = 0; i < cap; i++) keys[i] = -1;
        for (size_t i = 0; i < m->cap; i++) {
            if (m->keys[i] < 0) continue;
            size_t k = ((size_t)m->keys[i] * 2654435761u) & (cap - 1);
            while (keys[k] >= 0) k = (k + 1) & (cap - 1);
            keys[k] = m->keys[i];
            vals[k] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = keys;
        m->vals = vals;
        m->cap = cap;
    }
    size_t k = ((size_t)key * 2654435761u) & (m->cap - 1);
    while (m->keys[k] >= 0 && m->keys[k] != key) k = (k + 1) & (m->cap - 1);
    if (m->keys[k] < 0) {
        m->keys[k] = key;
        m->n++;
    }
    return &m->vals[k];
}

static void blockmap_free(blockmap *m)
{
    free(m->keys);
    free(m->vals);
}

const char *fl_scan_typed(fl_scan *s, int block, size_t a, size_t e)
{
    const fl_norm *n = fl_scan_norm(s, block);
    size_t o0 = fl_norm_orig(n, a), o1 = fl_norm_orig(n, e);
    return fl_arena_strndup(&s->scratch, s->doc->blocks[block].text + o0, o1 > o0 ? o1 - o0 : 0);
}

const char *fl_scan_iso(fl_scan *s, const fl_date *d)
{
    char *buf = fl_arena_alloc(&s->scratch, 11);
    fl_date_format(d, buf);
    return buf;
}

const fl_norm *fl_scan_norm(fl_scan *s, int block)
{
    fl_norm *n = &s->norms[block];
    if (!n->text) {
        const fl_block *b = &s->doc->blocks[block];
        /* a spaced line (PDF copy) is matched folded; offsets map back to
         * b->text. A text that needs no change is its block's own. */
        fl_norm_text_opts(n, &s->arena, b->text, b->len,
                          FL_NORM_MAY_ALIAS | ((b->flags & FL_BF_SPACED) ? FL_NORM_FOLD_CJK_SPACES : 0));
    }
    return n;
}

/* Code points of block's text before byte off (a character start). Block
 * texts are valid UTF-8, so that is the count of bytes that start one. */
static size_t count_starts(const char *t, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++) n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

static const colmap *columns(fl_scan *s, int block)
{
    const fl_block *b = &s->doc->blocks[block];
    if (b->len < 2 * COL_STEP) return NULL;
    void **slot = blockmap_slot(&s->cols, block);
    if (!*slot) {
        colmap *c = fl_arena_alloc(&s->arena, sizeof *c);
        c->n = b->len / COL_STEP + 1;
        c->at = fl_arena_alloc(&s->arena, c->n * sizeof *c->at);
        size_t count = 0;
        for (size_t k = 1; k < c->n; k++) {
            count += count_starts(b->text, (k - 1) * COL_STEP, k * COL_STEP);
            c->at[k] = (uint32_t)count;
        }
        *slot = c;
    }
    return *slot;
}

static size_t cp_before(fl_scan *s, int block, size_t off)
{
    const fl_block *b = &s->doc->blocks[block];
    if (off > b->len) off = b->len;
    const colmap *c = columns(s, block);
    if (!c) return count_starts(b->text, 0, off);
    size_t k = off / COL_STEP;
    return c->at[k] + count_starts(b->text, k * COL_STEP, off);
}

/* Byte offset of code point col0 of block's text (its length past the end). */
static size_t cp_byte(fl_scan *s, int block, size_t col0)
{
    const fl_block *b = &s->doc->blocks[block];
    const colmap *c = columns(s, block);
    size_t i = 0, seen = 0;
    if (c) {
        size_t lo = 0, hi = c->n; /* the last step starting at or before col0 */
        while (lo + 1 < hi) {
            size_t mid = (lo + hi) / 2;
            if (c->at[mid] <= col0) lo = mid;
            else hi = mid;
        }
        /* a step may start inside a character: counted in at[lo] already,
         * its remaining bytes are skipped below */
        i = lo * COL_STEP;
        seen = c->at[lo];
    }
    for (; i < b->len; i++) {
        if (((unsigned char)b->text[i] & 0xC0) == 0x80) continue;
        if (seen == col0) return i;
        seen++;
    }
    return b->len;
}

int fl_scan_find(fl_scan *s, const fl_pattern *p, int block, size_t from, size_t to, size_t *ms,
                 size_t *me)
{
    const fl_norm *n = fl_scan_norm(s, block);
    size_t len = to < n->len ? to : n->len;
    int rc = fl_pattern_find(&s->lint->m, p, n->text, len, from, ms, me);
    if (rc < 0) s->failed = true;
    return rc;
}

size_t fl_scan_attempt(const fl_scan *s) { return fl_matcher_attempt(&s->lint->m); }

int fl_scan_test(fl_scan *s, const fl_pattern *p, const char *str)
{
    fl_norm n;
    /* the normalised copy is dropped with the answer: a rule testing every
     * block (a title search) must not keep a copy of each until it ends */
    if (s->tests.total > TESTS_KEEP) fl_arena_free(&s->tests);
    fl_norm_text(&n, &s->tests, str ? str : "", str ? strlen(str) : 0);
    int rc = fl_pattern_test(&s->lint->m, p, n.text, n.len);
    if (rc < 0) s->failed = true;
    return rc;
}

int fl_scan_heading(fl_scan *s, const fl_pattern *p, int block)
{
    const fl_norm *n = fl_scan_norm(s, block);
    const fl_block_extra *x = fl_block_x(s->doc, &s->doc->blocks[block]);
    size_t label_len = x->label_len ? x->label_len : x->number_len;
    size_t off = 0;
    /* a label the reader rendered, or a number typed by hand (fl_doc_finish
     * read it): skip it in normalised bytes */
    while (off < n->len && fl_norm_orig(n, off) < label_len) off++;
    while (off < n->len && n->text[off] == ' ') off++;
    size_t ms, me;
    int rc = fl_pattern_find(&s->lint->m, p, n->text + off, n->len - off, 0, &ms, &me);
    if (rc < 0) s->failed = true;
    return rc;
}

static bool run_has_newline(const char *orig, const fl_norm *n, size_t i)
{
    size_t a = fl_norm_orig(n, i), b = fl_norm_orig(n, i + 1);
    for (size_t k = a; k < b; k++)
        if (orig[k] == '\n' || orig[k] == '\r') return true;
    return false;
}

/* Does a sentence end at normalised byte p (0 < p <= len), by the marks
 * split_sentences looks for: after !, ? or ;, after 。, after a space that
 * stands for a line break. */
static bool sentence_ends_at(const char *orig, const fl_norm *n, size_t p)
{
    char c = n->text[p - 1];
    if (c && strchr("!?;", c)) return true;
    if (p >= 3 && !memcmp(n->text + p - 3, "\xE3\x80\x82", 3)) return true; /* 。 */
    return c == ' ' && run_has_newline(orig, n, p - 1);
}

static void split_sentences(fl_scan *s, int block, sentences *out)
{
    const fl_norm *n = fl_scan_norm(s, block);
    const char *orig = s->doc->blocks[block].text;
    size_t cap = 0, count = 0;
    uint32_t *ends = NULL; /* grown here, kept at its size in the arena */
    for (size_t p = 1; p <= n->len; p++) {
        if (p < n->len && !sentence_ends_at(orig, n, p)) continue;
        FL_VEC_RESERVE(ends, cap, count + 1);
        ends[count++] = (uint32_t)p;
    }
    out->ends = fl_arena_alloc(&s->arena, (count ? count : 1) * sizeof *out->ends);
    if (count) memcpy(out->ends, ends, count * sizeof *ends);
    out->n = (uint32_t)count;
    free(ends);
}

/* A table of sentence ends costs 4 bytes a sentence, and a merged block
 * has a sentence a line (its line breaks end them): in an input of
 * millions of one-letter lines that table was the largest thing a check
 * kept. Merged and short blocks are split where asked instead, from the
 * offset to the nearest ends, which costs the sentence's length; the last
 * answer is kept, as callers ask about several hits of one sentence. */
enum { SENTENCE_TABLE_MIN = 2048 };

void fl_scan_sentence(fl_scan *s, int block, size_t off, size_t *start, size_t *end)
{
    const fl_block *blk = &s->doc->blocks[block];
    const fl_norm *n = fl_scan_norm(s, block);
    if ((blk->flags & FL_BF_MERGED) || n->len < SENTENCE_TABLE_MIN) {
        if (s->sent_block == block && off >= s->sent_start && off < s->sent_end) {
            *start = s->sent_start;
            *end = s->sent_end;
            return;
        }
        size_t a = n->len, e = n->len; /* past the text: its end, as with a table */
        if (off < n->len) {
            a = off;
            e = off + 1;
            while (a > 0 && !sentence_ends_at(blk->text, n, a)) a--;
            while (e < n->len && !sentence_ends_at(blk->text, n, e)) e++;
        }
        *start = a;
        *end = e;
        s->sent_block = block;
        s->sent_start = a;
        s->sent_end = e;
        return;
    }
    void **slot = blockmap_slot(&s->sents, block);
    if (!*slot) {
        sentences *se = fl_arena_alloc(&s->arena, sizeof *se);
        split_sentences(s, block, se);
        *slot = se;
    }
    const sentences *se = *slot;
    size_t lo = 0, hi = se->n; /* the first end past off */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (se->ends[mid] <= off) lo = mid + 1;
        else hi = mid;
    }
    *start = lo ? se->ends[lo - 1] : 0;
    *end = lo < se->n ? se->ends[lo] : n->len;
}

static bool same_spec(const fl_scope_spec *a, const fl_scope_spec *b)
{
    return a->heading == b->heading && a->exclude == b->exclude && a->parts == b->parts && a->level == b->level;
}

static void mark_sections(fl_scan *s, const fl_pattern *p, int level, unsigned char *in, unsigned char val,
                          int *first_heading)
{
    const fl_doc *doc = s->doc;
    for (size_t i = 0; i < doc->nsections && !s->failed; i++) {
        const fl_section *sec = &doc->sections[i];
        if (level && sec->level != level) continue;
        if (fl_scan_heading(s, p, sec->block) != 1) continue;
        int end = sec->end > (int)doc->nblocks ? (int)doc->nblocks : sec->end;
        for (int b = sec->block; b < end; b++) in[b] = val;
        if (first_heading && *first_heading < 0) *first_heading = sec->block;
    }
}

/* The blocks of a scope. Many scopes of a document select the same blocks
 * (every part of a text file is its body; most rules scope the whole
 * document): an identical list is shared, not stored again. */
static void compute_scope(fl_scan *s, const fl_scope_spec *spec, fl_scope *out, uint64_t *hash)
{
    const fl_doc *doc = s->doc;
    size_t n = doc->nblocks;
    unsigned char *in = fl_xcalloc(n + 1, 1);
    out->heading = -1;
    if (!spec->heading) {
        memset(in, 1, n);
        out->found = true;
    } else {
        mark_sections(s, spec->heading, spec->level, in, 1, &out->heading);
        out->found = out->heading >= 0;
    }
    if (spec->exclude) mark_sections(s, spec->exclude, 0, in, 0, NULL);
    size_t k = 0;
    uint64_t h = 1469598103934665603ull;
    for (size_t b = 0; b < n; b++)
        if (in[b] && (spec->parts & (1u << doc->blocks[b].part))) {
            k++;
            h = (h ^ b) * 1099511628211ull;
        }
    *hash = h;
    out->nblocks = k;
    out->blocks = NULL;
    for (size_t i = 0; i < s->nscopes && !out->blocks; i++) {
        const fl_scope *o = &s->scopes[i].scope;
        if (s->scopes[i].hash != h || o->nblocks != k) continue;
        size_t j = 0;
        for (size_t b = 0; b < n && j < k; b++)
            if (in[b] && (spec->parts & (1u << doc->blocks[b].part))) {
                if (o->blocks[j] != (int)b) break;
                j++;
            }
        if (j == k) out->blocks = o->blocks;
    }
    if (!out->blocks) {
        int *blocks = fl_arena_alloc(&s->arena, (k + 1) * sizeof *blocks);
        k = 0;
        for (size_t b = 0; b < n; b++)
            if (in[b] && (spec->parts & (1u << doc->blocks[b].part))) blocks[k++] = (int)b;
        out->blocks = blocks;
    }
    free(in);
}

const fl_scope *fl_scan_scope(fl_scan *s, const fl_scope_spec *spec)
{
    static const fl_scope empty = {false, -1, NULL, 0};
    for (size_t i = 0; i < s->nscopes; i++)
        if (same_spec(&s->scopes[i].spec, spec)) return &s->scopes[i].scope;
    fl_scope sc;
    memset(&sc, 0, sizeof sc);
    uint64_t hash;
    compute_scope(s, spec, &sc, &hash);
    if (s->failed) return &empty; /* incomplete: never cache it */
    FL_VEC_RESERVE(s->scopes, s->cap_scopes, s->nscopes + 1);
    s->scopes[s->nscopes].spec = *spec;
    s->scopes[s->nscopes].scope = sc;
    s->scopes[s->nscopes].hash = hash;
    return &s->scopes[s->nscopes++].scope;
}

/* ---- findings ------------------------------------------------------------- */

void fl_hit_var(fl_hit *h, const char *name, const char *value)
{
    if (h->nvars < FL_MAX_VARS) {
        h->vars[h->nvars].name = name;
        h->vars[h->nvars].value = value ? value : "";
        h->nvars++;
    }
}

static const char *var_value(const fl_hit *h, const char *name, size_t len)
{
    for (size_t i = 0; i < h->nvars; i++)
        if (strlen(h->vars[i].name) == len && !memcmp(h->vars[i].name, name, len)) return h->vars[i].value;
    return NULL;
}

/* Fill {placeholders}; an unknown one stays as written (load-time checks make
 * that rare, and visible rather than silently empty). {reason} is the only
 * value the tool words itself (a check digit's fault, why the date is
 * missing): it is put in the message's language; the others come from the
 * filing or the ruleset and stay as they are. */
static const char *expand(fl_arena *a, const char *tmpl, const fl_hit *h, fl_lang lang)
{
    if (!tmpl) return NULL;
    fl_buf b = FL_BUF_INIT, t = FL_BUF_INIT;
    for (const char *p = tmpl; *p;) {
        const char *q;
        if (*p == '{' && (q = strchr(p + 1, '}'))) {
            const char *v = var_value(h, p + 1, (size_t)(q - p - 1));
            if (v) {
                bool reason = q - p - 1 == 6 && !memcmp(p + 1, "reason", 6);
                fl_buf_clear(&t);
                fl_buf_adds(&b, reason ? fl_tr_text(lang, v, &t) : v);
                p = q + 1;
                continue;
            }
        }
        fl_buf_addc(&b, *p++);
    }
    const char *r = fl_arena_strndup(a, b.data ? b.data : "", b.len);
    fl_buf_free(&b);
    fl_buf_free(&t);
    return r;
}

/* One line of at most FL_EXCERPT_MAX code points of block around column col.
 * A merged block's excerpt is its line holding byte at (col counts from that
 * line's start). */
static const char *excerpt(fl_scan *s, fl_arena *a, int block, size_t col, size_t at)
{
    const fl_block *blk = &s->doc->blocks[block];
    const char *text = blk->text;
    size_t lo, len;
    fl_block_line_of(s->doc, blk, at, &lo, &len);
    size_t base = lo ? cp_before(s, block, lo) : 0;
    size_t count = cp_before(s, block, len) - base, from = 0, take = count;
    bool pre = false, post = false;
    if (count > FL_EXCERPT_MAX) {
        from = col > 101 ? col - 101 : 0;
        take = FL_EXCERPT_MAX;
        if (from + take > count) from = count - take;
        pre = from > 0;
        post = from + take < count;
        take -= (size_t)pre + (size_t)post;
        if (pre) from++;
    }
    size_t a0 = cp_byte(s, block, base + from);
    size_t a1 = a0 + fl_utf8_prefix(text + a0, len - a0, take);
    fl_buf b = FL_BUF_INIT;
    if (pre) fl_buf_adds(&b, "…");
    for (size_t i = a0; i < a1; i++) {
        char c = text[i];
        fl_buf_addc(&b, (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
    }
    if (post) fl_buf_adds(&b, "…");
    const char *r = fl_arena_strndup(a, b.data ? b.data : "", b.len);
    fl_buf_free(&b);
    return r;
}

static void locate(fl_scan *s, const fl_hit *h, fl_finding *f, fl_hit *vars)
{
    fl_arena *a = &s->res->arena;
    const fl_doc *doc = s->doc;
    f->part = FL_PART_BODY;
    f->section = "";
    f->match = "";
    f->line = f->column = f->end_line = f->end_column = 1;
    f->excerpt = "";
    int b = h->block;
    if (b < 0 || (size_t)b >= doc->nblocks) { /* the document as a whole: line 1 */
        f->block = -1;
        if (doc->nblocks && doc->blocks[0].line == 1) {
            size_t end;
            fl_block_line_of(doc, &doc->blocks[0], 0, NULL, &end);
            f->end_column = (int)cp_before(s, 0, end) + 1;
            f->excerpt = excerpt(s, a, 0, 1, 0);
        }
        return;
    }
    const fl_block *blk = &doc->blocks[b];
    f->block = b;
    f->line = f->end_line = blk->line;
    fl_block_page pg = fl_block_page_of(doc, blk);
    f->page = (int)pg.page;
    f->page_line = (int)pg.line;
    f->part = blk->part;
    f->section = fl_arena_strdup(a, fl_doc_section_path(doc, b));
    size_t at = 0; /* the byte the finding starts at */
    if (h->span) {
        const fl_norm *n = fl_scan_norm(s, b);
        size_t st = h->start < n->len ? h->start : n->len, en = h->end < n->len ? h->end : n->len;
        size_t o0 = fl_norm_orig(n, st), o1 = fl_norm_orig(n, en > st ? en : st);
        /* columns count from the start of the line: a merged block's own
         * line for each end (fl_block_line_of), else the block's */
        size_t l0, l1;
        f->line = blk->line + (int)fl_block_line_of(doc, blk, o0, &l0, NULL);
        f->end_line = blk->line + (int)fl_block_line_of(doc, blk, o1, &l1, NULL);
        f->column = (int)(cp_before(s, b, o0) - (l0 ? cp_before(s, b, l0) : 0)) + 1;
        f->end_column = (int)(cp_before(s, b, o1) - (l1 ? cp_before(s, b, l1) : 0)) + 1;
        f->match = fl_arena_strndup(a, blk->text + o0, o1 > o0 ? o1 - o0 : 0);
        fl_hit_var(vars, "match", f->match);
        at = o0;
    } else {
        size_t end;
        fl_block_line_of(doc, blk, 0, NULL, &end);
        f->end_column = (int)cp_before(s, b, end) + 1;
    }
    if (h->end_block > b && (size_t)h->end_block < doc->nblocks) {
        f->end_line = doc->blocks[h->end_block].line;
        f->end_column = h->end_col > 0 ? h->end_col : 1;
    }
    f->excerpt = excerpt(s, a, b, (size_t)f->column, at);
}

/* The OCR guard: the lowest confidence of the OCR'd blocks a finding lies
 * in, when below the rule's threshold; -1 when the rule is not guarded or
 * the text is typed or read clearly. A finding about two places (a name on
 * the cover and in a table) is located at one of them: only that one is
 * looked at. */
static int ocr_doubt(const fl_scan *s, const fl_hit *h)
{
    if (!s->rule->ocr || !s->doc->ocr || h->block < 0 || (size_t)h->block >= s->doc->nblocks) return -1;
    int last = h->end_block > h->block && (size_t)h->end_block < s->doc->nblocks ? h->end_block : h->block, low = -1;
    for (int b = h->block; b <= last; b++) {
        int c = fl_block_ocr(s->doc, &s->doc->blocks[b]);
        if (c >= 0 && c < s->rule->ocr_below && (low < 0 || c < low)) low = c;
    }
    return low;
}

static const char *ocr_suffixed(fl_arena *a, const char *msg, fl_lang lang, int conf)
{
    if (!msg) return NULL;
    char tail[200];
    snprintf(tail, sizeof tail, fl_tr_in(lang, FL_M_OCR_DOUBT), conf);
    size_t n = strlen(msg), t = strlen(tail);
    char *out = fl_arena_alloc(a, n + t + 1);
    memcpy(out, msg, n);
    memcpy(out + n, tail, t + 1);
    return out;
}

void fl_scan_emit(fl_scan *s, const fl_hit *h)
{
    fl_finding *f = fl_result_add(s->res);
    fl_hit vars = *h;
    f->rule = s->rule;
    f->severity = h->severity >= 0 ? (fl_severity)h->severity : fl_rule_severity(s->rule, s->doc_type);
    locate(s, h, f, &vars);
    if (h->item) {
        f->item = fl_arena_strdup(&s->res->arena, h->item);
        fl_hit_var(&vars, "item", h->item);
    }
    f->message = expand(&s->res->arena, h->message ? h->message : s->rule->message, &vars, FL_LANG_ZH);
    f->message_en = expand(&s->res->arena, h->message ? h->message_en : s->rule->message_en, &vars, FL_LANG_EN);
    int doubt = ocr_doubt(s, h);
    if (doubt >= 0) {
        fl_severity low = s->rule->ocr == FL_OCR_NOTE ? FL_SEV_INFO : FL_SEV_WARNING;
        if (f->severity > low) f->severity = low;
        f->message = ocr_suffixed(&s->res->arena, f->message, FL_LANG_ZH, doubt);
        f->message_en = ocr_suffixed(&s->res->arena, f->message_en, FL_LANG_EN, doubt);
    }
    f->unless_sibling = s->rule->unless_sibling;
    f->basis = s->basis;
    if (h->related_path) {
        f->related_path = fl_arena_strdup(&s->res->arena, h->related_path);
        f->related_line = h->related_line;
    }
}

void fl_scan_error(fl_scan *s, const fl_error *err)
{
    char what[1600], line[2400];
    fl_error_format(err, what, sizeof what);
    snprintf(line, sizeof line, "%s: rule %s: %s", s->doc->path ? s->doc->path : "", s->rule ? s->rule->id : "?", what);
    fl_result_add_error(s->res, err->code, s->rule ? s->rule->id : NULL, line);
}

/* ---- running ------------------------------------------------------------- */

static bool conditions_hold(fl_scan *s, const fl_rule *r)
{
    for (size_t i = 0; i < r->nconds; i++) {
        const fl_cond *c = &r->conds[i];
        const fl_field *f = fl_doc_field(s->doc, c->field);
        const char *v = f ? f->value : NULL;
        while (v && (*v == ' ' || *v == '\t')) v++;
        if (!v || !*v) { /* an empty value says as little as no field */
            if (!c->run_if_missing) return false;
            continue;
        }
        if (c->matches && fl_scan_test(s, c->matches, v) != 1) return false;
    }
    return true;
}

static void rule_failed(fl_scan *s, const fl_rule *r)
{
    fl_error e;
    char line[1200];
    fl_error_clear(&e);
    fl_error_set(&e, FL_E_PATTERN_LIMIT, r->id);
    snprintf(e.file, sizeof e.file, "%s", s->doc->path ? s->doc->path : "");
    fl_result_add_error(s->res, FL_E_PATTERN_LIMIT, r->id, fl_error_format(&e, line, sizeof line));
}

/* Today, or the day SOURCE_DATE_EPOCH names (UTC) when it is set, so that a
 * run can be reproduced (the tests, a report regenerated later). */
static void today(fl_date *d)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = sde && *sde ? strtoll(sde, &end, 10) : 0;
    if (!sde || !*sde || *end || v < 0) {
        fl_date_today(d);
        return;
    }
    fl_date_from_days(d, (long)(v / 86400));
}

/* --as-of, else the filing's own date, else today. */
static void judging_date(const fl_doc *doc, const fl_lint_opts *o, fl_judging *j)
{
    const fl_filing_date *fd = &doc->filing_date;
    int line = fd->block >= 0 && (size_t)fd->block < doc->nblocks ? doc->blocks[fd->block].line : 0;
    memset(j, 0, sizeof *j);
    if (o->has_as_of && fl_date_valid(&o->as_of) && o->as_of.y) {
        j->date = o->as_of;
        j->from = FL_JUDGED_OPTION;
    } else if (fd->found && fl_date_valid(&fd->value) && fd->value.y) {
        j->date = fd->value;
        j->from = FL_JUDGED_FILING;
        j->line = line;
    } else {
        today(&j->date);
        j->from = FL_JUDGED_TODAY;
        j->blank = fd->unfilled;
        j->line = fd->unfilled ? line : 0;
    }
}

/* unless-form: the rule stands down on a 报告表 written in one of its forms
 * when that form had been replaced on the judging date; the rule reporting
 * the obsolete form says what is wrong, once. */
static bool stands_down(const fl_scan *s, const fl_rule *r)
{
    const char *form = s->doc->form;
    if (!r->nunless_forms || !form || !s->doc_type || strcmp(s->doc_type, "eia-form")) return false;
    for (size_t k = 0; k < r->nunless_forms; k++)
        if (!strcmp(r->unless_forms[k], form)) return fl_form_replaced(form, &s->judged.date);
    return false;
}

void fl_lint_run(fl_lint *l, const fl_doc *doc, const fl_lint_opts *opts, fl_result *out)
{
    static const fl_lint_opts defaults;
    fl_scan s;
    memset(&s, 0, sizeof s);
    s.lint = l;
    s.doc = doc;
    s.opts = opts ? opts : &defaults;
    s.res = out;
    s.doc_type = s.opts->doc_type ? s.opts->doc_type : doc->doc_type;
    fl_arena_init(&s.arena);
    fl_arena_init(&s.scratch);
    fl_arena_init(&s.tests);
    s.norms = fl_xcalloc(doc->nblocks + 1, sizeof *s.norms);
    s.sent_block = -1;
    out->doc_type = s.doc_type ? fl_arena_strdup(&out->arena, s.doc_type) : NULL;
    const char *reason = s.opts->doc_type ? "--doc-type" : doc->doc_type_reason;
    out->doc_type_reason = reason ? fl_arena_strdup(&out->arena, reason) : NULL;
    judging_date(doc, s.opts, &s.judged);
    out->judged = s.judged;
    for (size_t i = 0; i < l->rules->nrules; i++) {
        const fl_rule *r = l->rules->all[i];
        if (s.opts->only && r != s.opts->only) continue;
        if (s.opts->enabled && !s.opts->enabled[r->index]) continue;
        if (!s.opts->ignore_doc_type && !fl_rule_applies(r, s.doc_type)) continue;
        if (!fl_in_force_on(&r->in_force, &s.judged.date)) continue; /* not the law on that date */
        if (stands_down(&s, r)) continue;
        size_t before = out->nfindings;
        s.rule = r;
        s.basis = fl_rule_basis(r, s.doc_type, &s.judged.date);
        s.failed = false;
        if (conditions_hold(&s, r) && !s.failed) r->kind->run(r, &s);
        fl_arena_free(&s.scratch);
        if (s.failed) {
            out->nfindings = before; /* the rule is skipped for this file, not half-run */
            rule_failed(&s, r);
        }
    }
    fl_result_sort(out);
    free(s.norms);
    blockmap_free(&s.sents);
    blockmap_free(&s.cols);
    free(s.scopes);
    fl_arena_free(&s.arena);
    fl_arena_free(&s.scratch);
    fl_arena_free(&s.tests);
}

/* ---- selection ----------------------------------------------------------- */

static bool listed(const char *id, char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strncmp(id, items[i], strlen(items[i]))) return true;
    return false;
}

unsigned char *fl_lint_select(const fl_rules *set, char *const *select, size_t nselect,
                              char *const *ignore, size_t nignore)
{
    unsigned char *mask = fl_xmalloc(set->nrules + 1);
    for (size_t i = 0; i < set->nrules; i++) {
        const char *id = set->all[i]->id;
        mask[i] = (nselect == 0 || listed(id, select, nselect)) && !listed(id, ignore, nignore);
    }
    return mask;
}

bool fl_rules_prefix_used(const fl_rules *set, const char *prefix, size_t len)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (!strncmp(set->all[i]->id, prefix, len)) return true;
    return false;
}
