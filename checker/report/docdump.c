/* The document model as `filinglint dump` prints it (docdump.h). JSON
 * follows docs/cli.md (a public contract: keys doc_type, properties,
 * fields, blocks first; additions after them: sections, doc_type_reason,
 * filing_date, ...); the text form is one block per line indented by
 * section depth, then the section outline, the fields, the type and why,
 * and the filing's date. The text form speaks the language of the run
 * (core/i18n.h); the JSON form keeps the machine names. */
#include "doc/images.h"
#include "report/docdump.h"
#include "report/report.h"
#include "input/readers.h"
#include "model/sections.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/jsonw.h"
#include "core/quantity.h"
#include "core/tame.h"
#include "core/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

#define TEXT_MAX_CP 120 /* text form: longer block texts are cut with … */

/* The text form speaks the language of the run (core/i18n.h); the JSON
 * form keeps the machine names. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

static const char *const kind_names[] = {"paragraph", "heading", "cell"};
static const char *const rev_kind_names[] = {"ins", "del", "move-to", "move-from", "paragraph-del", "row-del"};
static const fl_msg rev_kind_labels[] = {FL_M_REV_INS,       FL_M_REV_DEL,      FL_M_REV_MOVE_TO,
                                         FL_M_REV_MOVE_FROM, FL_M_REV_PARA_DEL, FL_M_REV_ROW_DEL};
static const struct { unsigned flag; const char *name; fl_msg label; } flag_names[] = {
    {FL_BF_TITLE, "title", FL_M_FLAG_TITLE},     {FL_BF_TOC, "toc", FL_M_FLAG_TOC},
    {FL_BF_PLACEHOLDER, "placeholder", FL_M_FLAG_PLACEHOLDER}, {FL_BF_HIDDEN, "hidden", FL_M_FLAG_HIDDEN},
    {FL_BF_OBJECT, "object", FL_M_FLAG_OBJECT},   {FL_BF_HEADER_ROW, "header-row", FL_M_FLAG_HEADER_ROW},
    {FL_BF_NO_HEADING, "no-heading", FL_M_FLAG_NO_HEADING},
    {FL_BF_LIST, "list", FL_M_FLAG_LIST},
};

static int block_line(const fl_doc *doc, int block)
{
    return block >= 0 && (size_t)block < doc->nblocks ? doc->blocks[block].line : 0;
}

/* ---- JSON ------------------------------------------------------------------ */
/* Written as it goes (core/jsonw.h): a tree of every block cost a third of
 * the command's time on a large filing. */

/* Field names repeat (the cover and a table both say 建设单位): the first
 * occurrence is the member, later ones go under its "others". by_name holds
 * the fields sorted by (name, index), so a name's occurrences are one run
 * in it. */
typedef struct named { const char *name; size_t index; } named;

static int cmp_named(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* A field's value read as a number with its unit (model/fieldqty.c). */
static void field_quantity(fl_jw *w, const fl_quantity *q)
{
    static const char *const cmp[] = {NULL, "le", "lt", "ge", "gt"};
    fl_jw_key(w, "quantity");
    fl_jw_object(w);
    fl_jw_key(w, "value");
    fl_jw_num(w, q->value);
    if (q->range) {
        fl_jw_key(w, "high");
        fl_jw_num(w, q->hi);
    }
    fl_jw_key(w, "decimals");
    fl_jw_int(w, q->decimals);
    fl_jw_key(w, "unit");
    fl_jw_str(w, q->unit);
    fl_jw_key(w, "dimension");
    fl_jw_str(w, fl_quantity_dim_name(q->dim));
    fl_jw_key(w, "base");
    fl_jw_num(w, q->base);
    if (q->range) {
        fl_jw_key(w, "base_high");
        fl_jw_num(w, q->base_hi);
    }
    fl_jw_key(w, "base_unit");
    fl_jw_str(w, fl_quantity_base_unit(q->dim));
    if (q->cmp != FL_QCMP_EQ && q->cmp <= FL_QCMP_GT) {
        fl_jw_key(w, "comparator");
        fl_jw_str(w, cmp[q->cmp]);
    }
    if (q->approx) {
        fl_jw_key(w, "approximate");
        fl_jw_bool(w, true);
    }
    fl_jw_end(w);
}

static void field_value(fl_jw *w, const fl_doc *doc, const fl_field *f)
{
    fl_jw_key(w, "value");
    fl_jw_str(w, f->value);
    fl_jw_key(w, "line");
    fl_jw_int(w, block_line(doc, f->block));
    if (f->qty) field_quantity(w, f->qty);
}

static void json_fields(fl_jw *w, const fl_doc *doc)
{
    size_t n = doc->nfields;
    named *by_name = fl_xmalloc((n ? n : 1) * sizeof *by_name);
    size_t *pos = fl_xmalloc((n ? n : 1) * sizeof *pos);
    for (size_t i = 0; i < n; i++) by_name[i] = (named){doc->fields[i].name, i};
    qsort(by_name, n, sizeof *by_name, cmp_named);
    for (size_t k = 0; k < n; k++) pos[by_name[k].index] = k;
    fl_jw_object(w);
    for (size_t i = 0; i < n; i++) {
        const fl_field *f = &doc->fields[i];
        size_t k = pos[i];
        if (k > 0 && !strcmp(by_name[k - 1].name, f->name)) continue; /* not the first */
        fl_jw_key(w, f->name);
        fl_jw_object(w);
        field_value(w, doc, f);
        if (k + 1 < n && !strcmp(by_name[k + 1].name, f->name)) {
            fl_jw_key(w, "others");
            fl_jw_array(w);
            for (k++; k < n && !strcmp(by_name[k].name, f->name); k++) {
                fl_jw_object(w);
                field_value(w, doc, &doc->fields[by_name[k].index]);
                fl_jw_end(w);
            }
            fl_jw_end(w);
        }
        fl_jw_end(w);
    }
    fl_jw_end(w);
    free(pos);
    free(by_name);
}

/* A property named twice keeps its first place and its last value. */
static void json_props(fl_jw *w, const fl_doc *doc)
{
    fl_jw_object(w);
    for (size_t i = 0; i < doc->nprops; i++) {
        const char *name = doc->props[i].name, *value = doc->props[i].value;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) seen = !strcmp(doc->props[j].name, name);
        if (seen) continue;
        for (size_t j = i + 1; j < doc->nprops; j++)
            if (!strcmp(doc->props[j].name, name)) value = doc->props[j].value;
        fl_jw_key(w, name);
        fl_jw_str(w, value);
    }
    fl_jw_end(w);
}

static void key_str(fl_jw *w, const char *key, const char *value)
{
    fl_jw_key(w, key);
    fl_jw_str(w, value);
}

static void key_int(fl_jw *w, const char *key, long long value)
{
    fl_jw_key(w, key);
    fl_jw_int(w, value);
}

static void json_block(fl_jw *w, const fl_doc *doc, const fl_block *b)
{
    const fl_block_extra *x = fl_block_x(doc, b);
    fl_jw_object(w);
    key_int(w, "line", b->line);
    /* a merged run of tiny lines: how many lines it stands for */
    if (b->flags & FL_BF_MERGED) key_int(w, "lines", fl_block_nlines(doc, b));
    if (doc->pages) { /* a PDF: the page and the line on it */
        fl_block_page pg = fl_block_page_of(doc, b);
        key_int(w, "page", pg.page);
        key_int(w, "page_line", pg.line);
        if (fl_block_ocr(doc, b) >= 0) key_int(w, "ocr_confidence", fl_block_ocr(doc, b));
    }
    key_str(w, "part", fl_part_names[b->part]);
    key_str(w, "kind", kind_names[b->kind]);
    key_int(w, "level", b->level);
    key_str(w, "style", fl_block_style(doc, b));
    key_str(w, "label", x->label);
    fl_jw_key(w, "text");
    fl_jw_string(w, b->text, b->len);
    key_str(w, "section", b->section >= 0 ? doc->sections[b->section].path : "");
    fl_jw_key(w, "table");
    if (b->table) {
        fl_jw_object(w);
        key_int(w, "id", b->table);
        key_int(w, "row", x->row);
        key_int(w, "col", x->col);
        fl_jw_end(w);
    } else {
        fl_jw_null(w);
    }
    key_int(w, "images", x->images);
    const fl_image_rec *imgs;
    size_t nimg = fl_doc_block_images(doc, b, &imgs);
    size_t nhashed = 0;
    for (size_t k = 0; k < nimg; k++) nhashed += imgs[k].hashed;
    if (nhashed) { /* only blocks with hashed pictures: other dumps stay as they were */
        fl_jw_key(w, "image_hashes");
        fl_jw_array(w);
        for (size_t k = 0; k < nimg; k++) {
            char hex[17];
            snprintf(hex, sizeof hex, "%016llx", (unsigned long long)imgs[k].hash);
            if (imgs[k].hashed) fl_jw_str(w, hex);
            else fl_jw_null(w);
        }
        fl_jw_end(w);
    }
    key_str(w, "revision", x->revision == FL_REV_INS ? "ins" : NULL);
    if (b->flags) {
        fl_jw_key(w, "flags");
        fl_jw_array(w);
        for (size_t k = 0; k < sizeof flag_names / sizeof *flag_names; k++)
            if (b->flags & flag_names[k].flag) fl_jw_str(w, flag_names[k].name);
        fl_jw_end(w);
    }
    fl_jw_end(w);
}

/* The filing's own date at the precision written ("2019", "2019-04",
 * "2019-04-08"), null when none; a blank form shows its text with
 * "unfilled" (and a value only when the year was written). */
static void json_filing_date(fl_jw *w, const fl_doc *doc)
{
    const fl_filing_date *fd = &doc->filing_date;
    if (!fd->found && !fd->unfilled) {
        fl_jw_null(w);
        return;
    }
    fl_jw_object(w);
    fl_jw_key(w, "value");
    if (fd->found) {
        char iso[11];
        fl_date_format(&fd->value, iso);
        fl_jw_str(w, iso);
    } else {
        fl_jw_null(w);
    }
    if (fd->unfilled) {
        fl_jw_key(w, "unfilled");
        fl_jw_bool(w, true);
    }
    key_str(w, "text", fd->text);
    key_int(w, "line", block_line(doc, fd->block));
    key_str(w, "source", fd->source);
    fl_jw_end(w);
}

static void json_sections(fl_jw *w, const fl_doc *doc)
{
    fl_jw_array(w);
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *s = &doc->sections[i];
        fl_jw_object(w);
        key_int(w, "line", block_line(doc, s->block));
        key_int(w, "end_line", s->end > s->block ? block_line(doc, s->end - 1) : 0);
        key_int(w, "level", s->level);
        key_str(w, "title", s->title);
        key_str(w, "path", s->path);
        fl_jw_end(w);
    }
    fl_jw_end(w);
}

/* Revisions, comments and notices appear only when there are some. */
static void json_extras(fl_jw *w, const fl_doc *doc)
{
    if (doc->nrevisions) {
        fl_jw_key(w, "revisions");
        fl_jw_array(w);
        for (size_t i = 0; i < doc->nrevisions; i++) {
            const fl_revision_rec *r = &doc->revisions[i];
            fl_jw_object(w);
            key_str(w, "kind", rev_kind_names[r->kind]);
            key_str(w, "author", r->author);
            key_str(w, "date", r->date);
            key_int(w, "line", block_line(doc, r->block));
            fl_jw_end(w);
        }
        fl_jw_end(w);
    }
    if (doc->ncomments) {
        fl_jw_key(w, "comments");
        fl_jw_array(w);
        for (size_t i = 0; i < doc->ncomments; i++) {
            const fl_comment *c = &doc->comments[i];
            fl_jw_object(w);
            key_str(w, "id", c->id);
            key_str(w, "author", c->author);
            key_str(w, "text", c->text);
            key_int(w, "start_line", block_line(doc, c->start_block));
            key_int(w, "end_line", block_line(doc, c->end_block));
            fl_jw_end(w);
        }
        fl_jw_end(w);
    }
    if (doc->nnotices) {
        fl_jw_key(w, "notices");
        fl_jw_array(w);
        fl_buf t = FL_BUF_INIT; /* said in the language of the run, as doc_type_reason is */
        for (size_t i = 0; i < doc->nnotices; i++) {
            fl_jw_object(w);
            fl_buf_clear(&t);
            key_str(w, "message", fl_tr_text(fl_lang_get(), doc->notices[i].message, &t));
            key_int(w, "line", block_line(doc, doc->notices[i].block));
            fl_jw_end(w);
        }
        fl_jw_end(w);
        fl_buf_free(&t);
    }
}

int fl_dump_json(const fl_doc *doc)
{
    fl_jw w;
    fl_jw_init(&w, stdout, 1);
    fl_jw_object(&w);
    key_str(&w, "doc_type", doc->doc_type);
    fl_jw_key(&w, "properties");
    json_props(&w, doc);
    fl_jw_key(&w, "fields");
    json_fields(&w, doc);
    fl_jw_key(&w, "blocks");
    fl_jw_array(&w);
    for (size_t i = 0; i < doc->nblocks; i++) json_block(&w, doc, &doc->blocks[i]);
    fl_jw_end(&w);
    fl_jw_key(&w, "sections");
    json_sections(&w, doc);
    key_str(&w, "doc_type_reason", doc->doc_type_reason);
    fl_jw_key(&w, "filing_date");
    json_filing_date(&w, doc);
    json_extras(&w, doc);
    if (doc->form) { /* a 报告表 only */
        key_str(&w, "form", doc->form);
        key_str(&w, "form_reason", doc->form_reason);
    }
    if (doc->notice_stage_reason) { /* a notice only; the stage null when unknown */
        key_str(&w, "notice_stage", doc->notice_stage);
        key_str(&w, "notice_stage_reason", doc->notice_stage_reason);
    }
    key_str(&w, "path", doc->path);
    fl_jw_end(&w);
    fl_buf_addc(&w.buf, '\n');
    return fl_jw_finish(&w);
}

/* ---- text ------------------------------------------------------------------ */

/* One line of text: tabs and line breaks shown as \t and \n, cut at max_cp. */
static void put_text(fl_buf *out, const char *s, size_t len, size_t max_cp)
{
    size_t cp_count = 0;
    for (size_t i = 0; i < len;) {
        if (max_cp && cp_count == max_cp) {
            fl_buf_printf(out, fl_tr(FL_M_DUMP_CHARS), fl_utf8_count(s, len));
            return;
        }
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp == '\t') fl_buf_adds(out, "\\t");
        else if (cp == '\n') fl_buf_adds(out, "\\n");
        else if (cp == '\r') fl_buf_adds(out, "\\r");
        else fl_buf_add(out, s + i, n);
        i += n;
        cp_count++;
    }
}

/* Tree depth of every section (1 = top), whatever the heading levels. */
static int *section_depths(const fl_doc *doc)
{
    int *d = fl_xmalloc((doc->nsections + 1) * sizeof *d);
    for (size_t i = 0; i < doc->nsections; i++) {
        int p = doc->sections[i].parent;
        d[i] = p >= 0 && (size_t)p < i ? d[p] + 1 : 1;
    }
    return d;
}

/* A reason the model words in English, in the language of the run. */
static void why_text(fl_buf *t, const char *why)
{
    fl_buf w = FL_BUF_INIT;
    fl_buf_adds(t, fl_tr_text(fl_lang_get(), why, &w));
    fl_buf_free(&w);
}

/* Why a heading is one: the reader's outline level (style, outlineLvl,
 * Markdown #), a heading style name, automatic numbering, typed numbers or
 * a known title. */
static void heading_source(fl_buf *t, const fl_doc *doc, const fl_block *b)
{
    const char *src = fl_sections_source(doc, b);
    char hashes[16];
    snprintf(hashes, sizeof hashes, "%.*s", b->outline, "#########");
    if (b->outline && fl_reader_of(doc)->markdown) fl_buf_printf(t, fl_tr(FL_M_DUMP_MARKDOWN), hashes);
    else if (b->outline) fl_buf_printf(t, fl_tr(FL_M_DUMP_OUTLINE), b->outline);
    else why_text(t, src ? src : "typed");
}

static void text_block(fl_buf *out, const fl_doc *doc, const fl_block *b, const int *depth)
{
    const fl_block_extra *x = fl_block_x(doc, b);
    const char *style = fl_block_style(doc, b);
    int d = b->section >= 0 ? depth[b->section] : 0;
    if (b->kind == FL_BLOCK_HEADING && d > 0) d--;
    char kind[16];
    if (b->kind == FL_BLOCK_HEADING) snprintf(kind, sizeof kind, "H%d", b->level);
    else snprintf(kind, sizeof kind, "%s", fl_tr(b->kind == FL_BLOCK_CELL ? FL_M_KIND_CELL : FL_M_KIND_PARA));
    fl_buf_printf(out, "%5d ", b->line);
    if (doc->pages) { /* a PDF: the page and the line on it */
        fl_block_page pg = fl_block_page_of(doc, b);
        char at[24];
        snprintf(at, sizeof at, "p%u:%u", pg.page, pg.line);
        fl_pad(out, at, 8);
        fl_buf_addc(out, ' ');
        if (doc->ocr) { /* scanned pages read by OCR: its confidence */
            int conf = fl_block_ocr(doc, b);
            if (conf >= 0) snprintf(at, sizeof at, "ocr %d", conf);
            else at[0] = '\0';
            fl_pad(out, at, 6);
            fl_buf_addc(out, ' ');
        }
    }
    fl_pad(out, fl_lang_get() == FL_LANG_ZH ? fl_report_part(b->part) : fl_part_names[b->part], 8);
    fl_buf_addc(out, ' ');
    fl_pad(out, kind, 4);
    fl_buf_printf(out, " %*s", 2 * d, "");
    if (b->kind == FL_BLOCK_HEADING) fl_buf_adds(out, "§ ");
    if (b->table) fl_buf_printf(out, "[T%d r%dc%d] ", b->table, x->row, x->col);
    if (b->flags & FL_BF_MERGED)
        fl_buf_printf(out, "[lines %d-%d] ", b->line, b->line + (int)fl_block_nlines(doc, b) - 1);
    if (x->label) {
        fl_buf_addc(out, '[');
        put_text(out, x->label, strlen(x->label), 0);
        fl_buf_adds(out, "] ");
    }
    put_text(out, b->text, b->len, TEXT_MAX_CP);
    fl_buf t = FL_BUF_INIT; /* annotations */
    const char *why = fl_sections_explain(doc, b), *sep = fl_tr(FL_M_DUMP_SEP);
    if (b->kind == FL_BLOCK_HEADING) heading_source(&t, doc, b);
    else if (why && !(b->flags & (FL_BF_TOC | FL_BF_TITLE))) {
        fl_buf w = FL_BUF_INIT;
        why_text(&w, why);
        fl_buf_printf(&t, fl_tr(FL_M_DUMP_NOT_HEADING), w.data);
        fl_buf_free(&w);
    } else if (b->outline) fl_buf_printf(&t, fl_tr(FL_M_DUMP_OUTLINE_IGN), (int)b->outline);
    if (style) {
        if (t.len) fl_buf_adds(&t, sep);
        fl_buf_printf(&t, fl_tr(FL_M_DUMP_STYLE), style);
    }
    for (size_t k = 0; k < sizeof flag_names / sizeof *flag_names; k++)
        if (b->flags & flag_names[k].flag) fl_buf_printf(&t, "%s%s", t.len ? sep : "", fl_tr(flag_names[k].label));
    if (x->images) {
        if (t.len) fl_buf_adds(&t, sep);
        fl_buf_printf(&t, fl_tr(FL_M_DUMP_IMAGES), x->images);
        /* the hash of each picture's part: the same picture shows the same hash */
        const fl_image_rec *imgs;
        size_t nimg = fl_doc_block_images(doc, b, &imgs);
        for (size_t k = 0; k < nimg; k++)
            if (imgs[k].hashed) fl_buf_printf(&t, " #%016llx", (unsigned long long)imgs[k].hash);
    }
    if (x->revision == FL_REV_INS) fl_buf_printf(&t, "%s%s", t.len ? sep : "", fl_tr(FL_M_DUMP_INSERTED));
    if (x->deletions) {
        if (t.len) fl_buf_adds(&t, sep);
        fl_buf_printf(&t, fl_tr(FL_M_DUMP_DELETED), x->deletions);
    }
    if (t.len) fl_buf_printf(out, "  {%s}", t.data);
    fl_buf_free(&t);
    fl_buf_addc(out, '\n');
}

/* Text from the document (a .txt may hold ESC) must not drive the terminal;
 * put_text has shown tabs and line breaks inside blocks as \t and \n. */
static void put_lines(fl_buf *out)
{
    fl_tame_buf(out, true);
    fwrite(out->data, 1, out->len, stdout);
}

/* "filing date: 2019-04 "二〇一九年四月" [line 4, cover]" */
static void text_filing_date(fl_buf *out, const fl_doc *doc)
{
    const fl_filing_date *fd = &doc->filing_date;
    fl_buf_adds(out, fl_tr(FL_M_DUMP_FILING_DATE));
    if (!fd->found && !fd->unfilled) {
        fl_buf_adds(out, fl_tr(FL_M_DUMP_NONE));
        return;
    }
    if (fd->found) {
        char iso[11];
        fl_date_format(&fd->value, iso);
        fl_buf_adds(out, iso);
        if (fd->unfilled) fl_buf_adds(out, fl_tr(FL_M_DUMP_REST_BLANK));
    } else {
        fl_buf_adds(out, fl_tr(FL_M_DUMP_UNFILLED));
    }
    fl_buf_adds(out, fl_tr(FL_M_DUMP_QUOTE));
    put_text(out, fd->text, strlen(fd->text), TEXT_MAX_CP);
    fl_buf_printf(out, fl_tr(FL_M_DUMP_DATE_AT), block_line(doc, fd->block), fl_tr_phrase(fd->source));
}

void fl_dump_text(const fl_doc *doc)
{
    fl_buf out = FL_BUF_INIT;
    int *depth = section_depths(doc);
    fl_buf_printf(&out, "== %s (%s)\n", doc->path, fl_reader_of(doc)->name);
    fl_buf_adds(&out, fl_tr(doc->pages ? FL_M_DUMP_HEAD_PAGES : FL_M_DUMP_HEAD));
    for (size_t i = 0; i < doc->nblocks; i++) {
        text_block(&out, doc, &doc->blocks[i], depth);
        if (out.len > 1 << 16) {
            put_lines(&out);
            fl_buf_clear(&out);
        }
    }
    fl_buf_printf(&out, fl_tr(FL_M_DUMP_SECTIONS), doc->nsections);
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *s = &doc->sections[i];
        int last = s->end > s->block ? block_line(doc, s->end - 1) : block_line(doc, s->block);
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_SECTION_LINES), 2 * depth[i], "", s->title, block_line(doc, s->block), last);
    }
    fl_buf_printf(&out, fl_tr(FL_M_DUMP_FIELDS), doc->nfields);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        fl_buf_printf(&out, "  %s = ", f->name);
        put_text(&out, f->value, strlen(f->value), TEXT_MAX_CP);
        if (f->qty) {
            char shown[128], base[48];
            fl_quantity_text(shown, sizeof shown, f->qty);
            snprintf(base, sizeof base, "%.15g", f->qty->base);
            fl_buf_printf(&out, fl_tr(FL_M_DUMP_FIELD_QTY), fl_quantity_dim_name(f->qty->dim), shown, base,
                          fl_quantity_base_unit(f->qty->dim));
        }
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_FIELD_LINE), block_line(doc, f->block));
    }
    if (doc->nprops) {
        fl_buf_adds(&out, fl_tr(FL_M_DUMP_PROPERTIES));
        for (size_t i = 0; i < doc->nprops; i++)
            fl_buf_printf(&out, "  %s = %s\n", doc->props[i].name, doc->props[i].value);
    }
    if (doc->nrevisions) {
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_REVISIONS), doc->nrevisions);
        for (size_t i = 0; i < doc->nrevisions; i++) {
            const fl_revision_rec *r = &doc->revisions[i];
            fl_buf_printf(&out, fl_tr(FL_M_DUMP_REVISION), block_line(doc, r->block), fl_tr(rev_kind_labels[r->kind]),
                          r->author ? r->author : "?", r->date ? r->date : "");
        }
    }
    if (doc->ncomments) {
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_COMMENTS), doc->ncomments);
        for (size_t i = 0; i < doc->ncomments; i++) {
            const fl_comment *c = &doc->comments[i];
            fl_buf_printf(&out, fl_tr(FL_M_DUMP_COMMENT), block_line(doc, c->start_block), block_line(doc, c->end_block),
                          c->author ? c->author : "?");
            if (c->text) put_text(&out, c->text, strlen(c->text), TEXT_MAX_CP);
            fl_buf_addc(&out, '\n');
        }
    }
    if (doc->nnotices) {
        fl_buf_adds(&out, fl_tr(FL_M_DUMP_NOTICES));
        fl_buf w = FL_BUF_INIT;
        for (size_t i = 0; i < doc->nnotices; i++) {
            int line = block_line(doc, doc->notices[i].block);
            fl_buf_clear(&w);
            const char *msg = fl_tr_text(fl_lang_get(), doc->notices[i].message, &w);
            if (line) fl_buf_printf(&out, fl_tr(FL_M_DUMP_NOTICE_LINE), line, msg);
            else fl_buf_printf(&out, "  %s\n", msg);
        }
        fl_buf_free(&w);
    }
    fl_buf_printf(&out, fl_tr(FL_M_DUMP_DOC_TYPE), doc->doc_type ? doc->doc_type : fl_tr(FL_M_DUMP_NOT_RECOGNISED));
    if (doc->doc_type_reason) fl_buf_printf(&out, fl_tr(FL_M_DUMP_WHY), doc->doc_type_reason);
    if (doc->form) { /* a 报告表 only */
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_FORM), doc->form);
        if (doc->form_reason) fl_buf_printf(&out, fl_tr(FL_M_DUMP_WHY), doc->form_reason);
    }
    if (doc->notice_stage_reason) { /* a notice only */
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_NOTICE_STAGE),
                      doc->notice_stage ? doc->notice_stage : fl_tr(FL_M_DUMP_NOT_RECOGNISED));
        fl_buf_printf(&out, fl_tr(FL_M_DUMP_WHY), doc->notice_stage_reason);
    }
    text_filing_date(&out, doc);
    put_lines(&out);
    fl_buf_free(&out);
    free(depth);
}
