/* Document storage: what readers fill, and the ordering pass that seals it. */
#include "doc/doc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/heading.h"
#include "core/memfind.h"
#include "core/norm.h"
#include "core/tame.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const fl_part_names[FL_PART_COUNT] = {
    "body", "textbox", "header", "footer", "footnote", "endnote", "comment"};

fl_doc *fl_doc_new(const char *path)
{
    fl_doc *doc = fl_xcalloc(1, sizeof *doc);
    fl_arena_init(&doc->arena);
    doc->path = fl_arena_strdup(&doc->arena, path ? path : "");
    return doc;
}

static void names_free(fl_names *t)
{
    free(t->v);
    free(t->slots);
}

void fl_doc_free(fl_doc *doc)
{
    if (!doc) return;
    free(doc->blocks);
    free(doc->extras);
    free(doc->origins);
    free(doc->pages);
    free(doc->ocr);
    free(doc->line_starts);
    names_free(&doc->part_names);
    names_free(&doc->styles);
    for (size_t i = 0; i < doc->nowned; i++) free(doc->owned[i]);
    free(doc->owned);
    free(doc->sections);
    free(doc->fields);
    free(doc->props);
    free(doc->revisions);
    free(doc->comments);
    free(doc->notices);
    fl_arena_free(&doc->arena);
    free(doc);
}

/* The point of the layout in doc.h: keep it from growing unnoticed. */
_Static_assert(sizeof(fl_block) <= 32, "fl_block grew past 32 bytes");

const fl_block_extra fl_block_no_extra = {.col_span = 1, .row_span = 1, .note_id = -1};

static bool dropped(const fl_doc *doc, const fl_block *b) { return b == &doc->overflow; }

static fl_block *new_block(fl_doc *doc, fl_part part, fl_block_kind kind)
{
    if (doc->nblocks + doc->merged_lines >= FL_DOC_MAX_BLOCKS) {
        /* The reader goes on (a streaming parser cannot stop mid-part) but
         * nothing it adds costs memory; the file is refused when read. */
        doc->dropped_blocks++;
        memset(&doc->overflow, 0, sizeof doc->overflow);
        doc->overflow.section = -1;
        doc->overflow_extra = fl_block_no_extra;
        return &doc->overflow;
    }
    if (doc->nblocks + 1 > doc->cap_blocks) {
        size_t old = doc->cap_blocks;
        FL_VEC_RESERVE(doc->blocks, doc->cap_blocks, doc->nblocks + 1);
        if (doc->origins) {
            doc->origins = fl_xrealloc(doc->origins, doc->cap_blocks * sizeof *doc->origins);
            memset(doc->origins + old, 0, (doc->cap_blocks - old) * sizeof *doc->origins);
        }
        if (doc->pages) {
            doc->pages = fl_xrealloc(doc->pages, doc->cap_blocks * sizeof *doc->pages);
            memset(doc->pages + old, 0, (doc->cap_blocks - old) * sizeof *doc->pages);
        }
        if (doc->ocr) {
            doc->ocr = fl_xrealloc(doc->ocr, doc->cap_blocks * sizeof *doc->ocr);
            memset(doc->ocr + old, 0, (doc->cap_blocks - old) * sizeof *doc->ocr);
        }
    }
    fl_block *b = &doc->blocks[doc->nblocks++];
    memset(b, 0, sizeof *b);
    b->part = part;
    b->kind = kind;
    b->section = -1;
    return b;
}

/* Inputs are at most 200 MiB and parts 256 MiB, so a block's text always
 * fits len; a longer one would be cut rather than wrap. */
static size_t clamp_len(size_t len) { return len > UINT32_MAX ? UINT32_MAX : len; }

fl_block *fl_doc_add_block(fl_doc *doc, fl_part part, fl_block_kind kind,
                           const char *text, size_t len)
{
    len = clamp_len(len);
    fl_block *b = new_block(doc, part, kind);
    if (dropped(doc, b)) return b;
    size_t replaced = 0, out_len = 0;
    if (fl_utf8_valid(text, len)) {
        b->text = fl_arena_strndup(&doc->arena, text, len);
        out_len = len;
    } else {
        b->text = fl_utf8_sanitize(&doc->arena, text, len, &out_len, &replaced);
        doc->invalid_utf8 += replaced;
    }
    b->len = (uint32_t)clamp_len(out_len);
    return b;
}

fl_block *fl_doc_add_block_ref(fl_doc *doc, fl_part part, fl_block_kind kind,
                               const char *text, size_t len)
{
    if (len > UINT32_MAX || !fl_utf8_valid(text, len)) return fl_doc_add_block(doc, part, kind, text, len);
    fl_block *b = new_block(doc, part, kind);
    b->text = text;
    b->len = (uint32_t)len;
    return b;
}

void fl_doc_adopt(fl_doc *doc, void *buf)
{
    FL_VEC_RESERVE(doc->owned, doc->cap_owned, doc->nowned + 1);
    doc->owned[doc->nowned++] = buf;
}

fl_block_extra *fl_block_xw(fl_doc *doc, fl_block *b)
{
    if (dropped(doc, b)) return &doc->overflow_extra;
    if (!b->extra) {
        FL_VEC_RESERVE(doc->extras, doc->cap_extras, doc->nextras + 1);
        doc->extras[doc->nextras] = fl_block_no_extra;
        b->extra = (uint32_t)++doc->nextras;
    }
    return &doc->extras[b->extra - 1];
}

void fl_block_set_lines(fl_doc *doc, fl_block *b, const uint16_t *starts, size_t n)
{
    if (dropped(doc, b) || n < 2 || b->len > FL_MERGED_MAX_BYTES) return;
    FL_VEC_RESERVE(doc->line_starts, doc->cap_line_starts, doc->nline_starts + n - 1);
    fl_block_extra *x = fl_block_xw(doc, b);
    x->lines_at = (uint32_t)doc->nline_starts;
    x->nlines = (uint32_t)n;
    memcpy(doc->line_starts + doc->nline_starts, starts, (n - 1) * sizeof *starts);
    doc->nline_starts += n - 1;
    b->flags |= FL_BF_MERGED | FL_BF_NO_HEADING;
    doc->merged_lines += n - 1;
    /* the lines past the cap are refused as blocks past it are */
    size_t total = doc->nblocks + doc->merged_lines;
    if (total > FL_DOC_MAX_BLOCKS) doc->dropped_blocks += total - FL_DOC_MAX_BLOCKS;
}

size_t fl_block_line_start(const fl_doc *doc, const fl_block *b, uint32_t k)
{
    if (k == 0) return 0;
    if (k >= fl_block_nlines(doc, b)) return b->len;
    return doc->line_starts[fl_block_x(doc, b)->lines_at + k - 1];
}

bool fl_doc_line_mergeable(const char *s, size_t n)
{
    if (n > FL_MERGE_LINE_MAX) return false;
    static const char *const words[] = {"\xEF\xBC\x9A" /* ： */, "\xE5\xB9\xB4" /* 年 */,
                                        "\xE6\x9C\x88" /* 月 */, "\xE6\x97\xA5" /* 日 */};
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ':' || c == '<' || (c >= '0' && c <= '9')) return false;
        /* full-width digits U+FF10..U+FF19 */
        if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] >= 0x90 &&
            (unsigned char)s[i + 2] <= 0x99)
            return false;
    }
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (fl_memfind(s, n, words[k], strlen(words[k]))) return false;
    fl_typed t;
    fl_typed_classify(&t, s, n);
    return t.kind == FL_TK_NONE;
}

uint32_t fl_block_line_of(const fl_doc *doc, const fl_block *b, size_t off, size_t *start, size_t *end)
{
    if (!(b->flags & FL_BF_MERGED)) {
        if (start) *start = 0;
        if (end) *end = b->len;
        return 0;
    }
    const fl_block_extra *x = fl_block_x(doc, b);
    const uint16_t *st = doc->line_starts + x->lines_at;
    /* the last line starting at or before off: st[k] is line k + 1 */
    size_t lo = 0, hi = x->nlines - 1; /* answer in [0, nlines - 1] */
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (st[mid - 1] <= off) lo = mid;
        else hi = mid - 1;
    }
    if (start) *start = lo ? st[lo - 1] : 0;
    if (end) {
        /* before the LF that ends the line, and the one a CR before it
         * became (text.c) */
        size_t e = lo + 1 < x->nlines ? (size_t)st[lo] - 1 : b->len;
        size_t s0 = lo ? st[lo - 1] : 0;
        if (lo + 1 < x->nlines && e > s0 && b->text[e - 1] == '\n') e--;
        *end = e;
    }
    return (uint32_t)lo;
}

void fl_doc_set_label(fl_doc *doc, fl_block *b, const char *label, size_t label_len_with_suffix)
{
    if (dropped(doc, b)) return;
    fl_block_extra *x = fl_block_xw(doc, b);
    x->label = fl_arena_strdup(&doc->arena, label);
    x->label_len = (uint32_t)clamp_len(label_len_with_suffix);
}

/* ---- interned names: part and style names, a few per document ---- */

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* 1 + the index of name in t, adding it; 0 when name is NULL or the table
 * is full (65,535 names: more styles than Word allows, more parts than the
 * package limit admits). */
static uint16_t names_intern(fl_doc *doc, fl_names *t, const char *name)
{
    if (!name) return 0;
    if (2 * (t->n + 1) > t->nslots) {
        if (t->n >= UINT16_MAX) return 0;
        size_t ns = t->nslots ? 2 * t->nslots : 16;
        uint32_t *slots = fl_xcalloc(ns, sizeof *slots);
        for (size_t i = 0; i < t->n; i++) {
            size_t k = (size_t)name_hash(t->v[i]) & (ns - 1);
            while (slots[k]) k = (k + 1) & (ns - 1);
            slots[k] = (uint32_t)i + 1;
        }
        free(t->slots);
        t->slots = slots;
        t->nslots = ns;
    }
    size_t k = (size_t)name_hash(name) & (t->nslots - 1);
    for (; t->slots[k]; k = (k + 1) & (t->nslots - 1))
        if (!strcmp(t->v[t->slots[k] - 1], name)) return (uint16_t)t->slots[k];
    FL_VEC_RESERVE(t->v, t->cap, t->n + 1);
    t->v[t->n++] = fl_arena_strdup(&doc->arena, name);
    t->slots[k] = (uint32_t)t->n;
    return (uint16_t)t->n;
}

static fl_block_origin *origin_w(fl_doc *doc, fl_block *b)
{
    if (!doc->origins) doc->origins = fl_xcalloc(doc->cap_blocks ? doc->cap_blocks : 1, sizeof *doc->origins);
    return &doc->origins[b - doc->blocks];
}

static const fl_block_origin *origin(const fl_doc *doc, const fl_block *b)
{
    if (!doc->origins || b < doc->blocks || b >= doc->blocks + doc->nblocks) return NULL;
    return &doc->origins[b - doc->blocks];
}

const char *fl_block_style(const fl_doc *doc, const fl_block *b)
{
    const fl_block_origin *o = origin(doc, b);
    return o && o->style ? doc->styles.v[o->style - 1] : NULL;
}

const char *fl_block_part_name(const fl_doc *doc, const fl_block *b)
{
    const fl_block_origin *o = origin(doc, b);
    return o && o->part_name ? doc->part_names.v[o->part_name - 1] : NULL;
}

int fl_block_para_index(const fl_doc *doc, const fl_block *b)
{
    const fl_block_origin *o = origin(doc, b);
    return o && o->part_name && o->para_index <= INT32_MAX ? (int)o->para_index : -1;
}

void fl_block_set_style(fl_doc *doc, fl_block *b, const char *style)
{
    if (dropped(doc, b)) return;
    uint16_t id = names_intern(doc, &doc->styles, style);
    if (id || doc->origins) origin_w(doc, b)->style = id;
}

void fl_block_set_origin(fl_doc *doc, fl_block *b, const char *part_name, int para_index)
{
    if (dropped(doc, b)) return;
    fl_block_origin *o = origin_w(doc, b);
    o->part_name = names_intern(doc, &doc->part_names, part_name);
    o->para_index = para_index >= 0 ? (uint32_t)para_index : 0;
}

fl_block_page fl_block_page_of(const fl_doc *doc, const fl_block *b)
{
    if (!doc->pages || b < doc->blocks || b >= doc->blocks + doc->nblocks) return (fl_block_page){0, 0, 0, 0};
    return doc->pages[b - doc->blocks];
}

void fl_block_set_page(fl_doc *doc, fl_block *b, unsigned page, unsigned line)
{
    if (dropped(doc, b)) return;
    if (!doc->pages) doc->pages = fl_xcalloc(doc->cap_blocks ? doc->cap_blocks : 1, sizeof *doc->pages);
    doc->pages[b - doc->blocks].page = page;
    doc->pages[b - doc->blocks].line = line;
}

void fl_block_set_page_pos(fl_doc *doc, fl_block *b, float x, float y)
{
    if (dropped(doc, b) || !doc->pages) return;
    doc->pages[b - doc->blocks].x = x;
    doc->pages[b - doc->blocks].y = y;
}

int fl_block_ocr(const fl_doc *doc, const fl_block *b)
{
    if (!doc->ocr || b < doc->blocks || b >= doc->blocks + doc->nblocks) return -1;
    return (int)doc->ocr[b - doc->blocks] - 1;
}

void fl_block_set_ocr(fl_doc *doc, fl_block *b, int conf)
{
    if (dropped(doc, b)) return;
    if (!doc->ocr) doc->ocr = fl_xcalloc(doc->cap_blocks ? doc->cap_blocks : 1, sizeof *doc->ocr);
    doc->ocr[b - doc->blocks] = (uint8_t)(1 + (conf < 0 ? 0 : conf > 100 ? 100 : conf));
}

void fl_doc_move_block(fl_doc *doc, size_t from, size_t to)
{
    if (to >= from || from >= doc->nblocks) return;
    fl_block moved = doc->blocks[from];
    memmove(&doc->blocks[to + 1], &doc->blocks[to], (from - to) * sizeof *doc->blocks);
    doc->blocks[to] = moved;
    if (doc->origins) {
        fl_block_origin o = doc->origins[from];
        memmove(&doc->origins[to + 1], &doc->origins[to], (from - to) * sizeof *doc->origins);
        doc->origins[to] = o;
    }
    if (doc->pages) {
        fl_block_page p = doc->pages[from];
        memmove(&doc->pages[to + 1], &doc->pages[to], (from - to) * sizeof *doc->pages);
        doc->pages[to] = p;
    }
    if (doc->ocr) {
        uint8_t c = doc->ocr[from];
        memmove(&doc->ocr[to + 1], &doc->ocr[to], (from - to) * sizeof *doc->ocr);
        doc->ocr[to] = c;
    }
}

void fl_doc_set_prop(fl_doc *doc, const char *name, const char *value)
{
    if (!value || !*value) return;
    for (size_t i = 0; i < doc->nprops; i++)
        if (strcmp(doc->props[i].name, name) == 0) {
            doc->props[i].value = fl_arena_strdup(&doc->arena, value);
            return;
        }
    FL_VEC_RESERVE(doc->props, doc->cap_props, doc->nprops + 1);
    doc->props[doc->nprops].name = fl_arena_strdup(&doc->arena, name);
    doc->props[doc->nprops].value = fl_arena_strdup(&doc->arena, value);
    doc->nprops++;
}

const char *fl_doc_prop(const fl_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nprops; i++)
        if (strcmp(doc->props[i].name, name) == 0) return doc->props[i].value;
    return NULL;
}

fl_revision_rec *fl_doc_add_revision(fl_doc *doc, fl_rev_kind kind, const char *author,
                                     const char *date, int block)
{
    FL_VEC_RESERVE(doc->revisions, doc->cap_revisions, doc->nrevisions + 1);
    fl_revision_rec *r = &doc->revisions[doc->nrevisions++];
    r->kind = kind;
    r->author = fl_arena_strdup(&doc->arena, author);
    r->date = fl_arena_strdup(&doc->arena, date);
    r->block = block;
    return r;
}

fl_comment *fl_doc_add_comment(fl_doc *doc)
{
    FL_VEC_RESERVE(doc->comments, doc->cap_comments, doc->ncomments + 1);
    fl_comment *c = &doc->comments[doc->ncomments++];
    memset(c, 0, sizeof *c);
    c->start_block = c->end_block = -1;
    return c;
}

void fl_doc_add_notice(fl_doc *doc, int block, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fl_tame_str(msg, sizeof msg, false); /* a one-line note; it may quote part names */
    for (size_t i = 0; i < doc->nnotices; i++) /* once per kind of problem */
        if (strcmp(doc->notices[i].message, msg) == 0) return;
    FL_VEC_RESERVE(doc->notices, doc->cap_notices, doc->nnotices + 1);
    doc->notices[doc->nnotices].message = fl_arena_strdup(&doc->arena, msg);
    doc->notices[doc->nnotices].block = block;
    doc->nnotices++;
}

int fl_doc_new_table(fl_doc *doc) { return ++doc->ntables; }

static int part_rank(fl_part p) { return p == FL_PART_TEXTBOX ? FL_PART_BODY : (int)p; }

/* Stable counting sort of blocks by part rank, in place: returns the
 * old->new index map, or NULL when the blocks are in order already (text
 * always is). Each swap puts one block where it belongs, so the
 * permutation is linear and needs no second array of blocks. */
static int *order_blocks(fl_doc *doc)
{
    size_t n = doc->nblocks;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = part_rank(doc->blocks[i - 1].part) <= part_rank(doc->blocks[i].part);
    if (sorted) return NULL;
    int *map = fl_xmalloc((n + 1) * sizeof *map);
    size_t start[FL_PART_COUNT + 1] = {0};
    for (size_t i = 0; i < n; i++) start[part_rank(doc->blocks[i].part) + 1]++;
    for (int p = 0; p < FL_PART_COUNT; p++) start[p + 1] += start[p];
    for (size_t i = 0; i < n; i++) map[i] = (int)start[part_rank(doc->blocks[i].part)]++;
    return map;
}

static void permute_blocks(fl_doc *doc, int *map)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        while ((size_t)map[i] != i) {
            size_t j = (size_t)map[i];
            fl_block t = doc->blocks[i];
            doc->blocks[i] = doc->blocks[j];
            doc->blocks[j] = t;
            if (doc->origins) {
                fl_block_origin o = doc->origins[i];
                doc->origins[i] = doc->origins[j];
                doc->origins[j] = o;
            }
            if (doc->pages) {
                fl_block_page p = doc->pages[i];
                doc->pages[i] = doc->pages[j];
                doc->pages[j] = p;
            }
            if (doc->ocr) {
                uint8_t c = doc->ocr[i];
                doc->ocr[i] = doc->ocr[j];
                doc->ocr[j] = c;
            }
            map[i] = map[j];
            map[j] = (int)j;
        }
}

static int remap(const int *map, size_t n, int idx)
{
    return (idx >= 0 && (size_t)idx < n) ? map[idx] : idx;
}

void fl_doc_seal(fl_doc *doc)
{
    int *map = order_blocks(doc);
    size_t n = doc->nblocks;
    if (map) {
        for (size_t i = 0; i < doc->nrevisions; i++)
            doc->revisions[i].block = remap(map, n, doc->revisions[i].block);
        for (size_t i = 0; i < doc->ncomments; i++) {
            doc->comments[i].start_block = remap(map, n, doc->comments[i].start_block);
            doc->comments[i].end_block = remap(map, n, doc->comments[i].end_block);
        }
        for (size_t i = 0; i < doc->nnotices; i++)
            doc->notices[i].block = remap(map, n, doc->notices[i].block);
        permute_blocks(doc, map);
        free(map);
    }
    /* the vectors stop growing here: give back what doubling reserved */
    if (n && n < doc->cap_blocks) {
        doc->blocks = fl_xrealloc(doc->blocks, n * sizeof *doc->blocks);
        if (doc->origins) doc->origins = fl_xrealloc(doc->origins, n * sizeof *doc->origins);
        if (doc->pages) doc->pages = fl_xrealloc(doc->pages, n * sizeof *doc->pages);
        if (doc->ocr) doc->ocr = fl_xrealloc(doc->ocr, n * sizeof *doc->ocr);
        doc->cap_blocks = n;
    }
    if (doc->nline_starts && doc->nline_starts < doc->cap_line_starts) {
        doc->line_starts = fl_xrealloc(doc->line_starts, doc->nline_starts * sizeof *doc->line_starts);
        doc->cap_line_starts = doc->nline_starts;
    }
}

const fl_field *fl_doc_field(const fl_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nfields; i++)
        if (strcmp(doc->fields[i].name, name) == 0) return &doc->fields[i];
    return NULL;
}

const char *fl_doc_section_path(const fl_doc *doc, int block)
{
    if (block < 0 || (size_t)block >= doc->nblocks) return "";
    int s = doc->blocks[block].section;
    return s >= 0 ? doc->sections[s].path : "";
}
