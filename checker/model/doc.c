/* Document model storage and the final ordering/numbering pass. */
#include "model/doc.h"
#include "core/arena.h"
#include "core/buf.h"
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

void fl_doc_free(fl_doc *doc)
{
    if (!doc) return;
    free(doc->blocks);
    free(doc->sections);
    free(doc->fields);
    free(doc->props);
    free(doc->revisions);
    free(doc->comments);
    free(doc->notices);
    fl_arena_free(&doc->arena);
    free(doc);
}

fl_block *fl_doc_add_block(fl_doc *doc, fl_part part, fl_block_kind kind,
                           const char *text, size_t len)
{
    FL_VEC_RESERVE(doc->blocks, doc->cap_blocks, doc->nblocks + 1);
    fl_block *b = &doc->blocks[doc->nblocks++];
    memset(b, 0, sizeof *b);
    size_t replaced = 0, out_len = 0;
    if (fl_utf8_valid(text, len)) {
        b->text = fl_arena_strndup(&doc->arena, text, len);
        out_len = len;
    } else {
        b->text = fl_utf8_sanitize(&doc->arena, text, len, &out_len, &replaced);
        doc->invalid_utf8 += replaced;
    }
    b->len = out_len;
    b->part = part;
    b->kind = kind;
    b->section = -1;
    b->note_id = -1;
    b->col_span = b->row_span = 1;
    return b;
}

void fl_doc_set_label(fl_doc *doc, fl_block *b, const char *label, size_t label_len_with_suffix)
{
    b->label = fl_arena_strdup(&doc->arena, label);
    b->label_len = label_len_with_suffix;
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

/* Stable counting sort of blocks by part rank; returns old->new index map. */
static int *order_blocks(fl_doc *doc)
{
    size_t n = doc->nblocks;
    int *map = fl_xmalloc((n + 1) * sizeof *map);
    size_t start[FL_PART_COUNT + 1] = {0};
    for (size_t i = 0; i < n; i++) start[part_rank(doc->blocks[i].part) + 1]++;
    for (int p = 0; p < FL_PART_COUNT; p++) start[p + 1] += start[p];
    fl_block *sorted = fl_xmalloc((n ? n : 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++) {
        size_t j = start[part_rank(doc->blocks[i].part)]++;
        sorted[j] = doc->blocks[i];
        map[i] = (int)j;
    }
    free(doc->blocks);
    doc->blocks = sorted;
    doc->cap_blocks = n ? n : 1;
    return map;
}

static int remap(const int *map, size_t n, int idx)
{
    return (idx >= 0 && (size_t)idx < n) ? map[idx] : idx;
}

/* Lines copied out of a PDF or OCR'd with a space between every CJK
 * character: keep a folded copy that the model reads and rules match. */
static void mark_spaced(fl_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        fl_block *b = &doc->blocks[i];
        b->fold = NULL;
        b->fold_len = 0;
        if (b->len < 5 || !fl_norm_spaced(b->text, b->len)) continue;
        fl_buf f = FL_BUF_INIT;
        const char *s = b->text;
        size_t n = b->len;
        for (size_t k = 0; k < n;) {
            uint32_t cp;
            size_t m = fl_utf8_decode(s + k, n - k, &cp);
            /* one space (not a tab, not a wider gap) between two CJK characters */
            if ((cp == ' ' || cp == 0x3000 || cp == 0xA0) && f.len && k + m < n) {
                size_t p = f.len - 1;
                while (p > 0 && ((unsigned char)f.data[p] & 0xC0) == 0x80) p--;
                uint32_t before, after;
                fl_utf8_decode(f.data + p, f.len - p, &before);
                fl_utf8_decode(s + k + m, n - k - m, &after);
                if (fl_norm_is_cjk_char(before) && fl_norm_is_cjk_char(after)) { k += m; continue; }
            }
            fl_buf_add(&f, s + k, m);
            k += m;
        }
        b->fold = fl_arena_strndup(&doc->arena, f.data ? f.data : "", f.len);
        b->fold_len = f.len;
        b->flags |= FL_BF_SPACED;
        fl_buf_free(&f);
    }
}

void fl_doc_finish(fl_doc *doc)
{
    if (doc->finished) return;
    int *map = order_blocks(doc);
    size_t n = doc->nblocks;
    for (size_t i = 0; i < doc->nrevisions; i++)
        doc->revisions[i].block = remap(map, n, doc->revisions[i].block);
    for (size_t i = 0; i < doc->ncomments; i++) {
        doc->comments[i].start_block = remap(map, n, doc->comments[i].start_block);
        doc->comments[i].end_block = remap(map, n, doc->comments[i].end_block);
    }
    for (size_t i = 0; i < doc->nnotices; i++)
        doc->notices[i].block = remap(map, n, doc->notices[i].block);
    free(map);
    if (doc->format != FL_FMT_TEXT && doc->format != FL_FMT_MARKDOWN)
        for (size_t i = 0; i < n; i++) doc->blocks[i].line = (int)i + 1;
    mark_spaced(doc);
    fl_sections_build(doc);
    fl_fields_extract(doc);
    fl_doctype_detect(doc);
    fl_soil_type_read(doc);
    fl_filing_date_read(doc);
    if (doc->invalid_utf8)
        fl_doc_add_notice(doc, -1, "invalid UTF-8 replaced by U+FFFD (%zu sequences)", doc->invalid_utf8);
    doc->finished = true;
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
