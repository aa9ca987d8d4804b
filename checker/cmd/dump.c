/* `filinglint dump`: the document model the rules see, so a user can find a
 * finding's line and see why a section was or was not found. JSON follows
 * cli.md §dump (a public contract: keys doc_type, properties, fields, blocks
 * first; additions after them); the text form is one block per line indented
 * by section depth, then the section outline, the fields and the type. */
#include "cmd/cmd.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/utf8.h"
#include "input/input.h"
#include "model/sections.h"
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_MAX_CP 120 /* text form: longer block texts are cut with … */

static const char *const kind_names[] = {"paragraph", "heading", "cell"};
static const char *const rev_kind_names[] = {"ins", "del", "move-to", "move-from", "paragraph-del", "row-del"};
static const struct { unsigned flag; const char *name; } flag_names[] = {
    {FL_BF_TITLE, "title"},     {FL_BF_TOC, "toc"},
    {FL_BF_PLACEHOLDER, "placeholder"}, {FL_BF_HIDDEN, "hidden"},
    {FL_BF_OBJECT, "object"},   {FL_BF_HEADER_ROW, "header-row"},
    {FL_BF_NO_HEADING, "no-heading"},
};

static int block_line(const fl_doc *doc, int block)
{
    return block >= 0 && (size_t)block < doc->nblocks ? doc->blocks[block].line : 0;
}

/* jansson refuses invalid UTF-8; readers sanitise text, but a style name
 * or property may still carry a stray byte. */
static json_t *jstr(const char *s, size_t len)
{
    json_t *j = json_stringn(s, len);
    if (j) return j;
    fl_arena a;
    fl_arena_init(&a);
    size_t n, bad;
    char *clean = fl_utf8_sanitize(&a, s, len, &n, &bad);
    j = json_stringn(clean, n);
    fl_arena_free(&a);
    return j ? j : json_string("");
}

static json_t *str(const char *s) { return jstr(s, strlen(s)); }
static json_t *str_or_null(const char *s) { return s ? str(s) : json_null(); }

/* ---- JSON ------------------------------------------------------------------ */

static json_t *json_fields(const fl_doc *doc)
{
    json_t *o = json_object();
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        json_t *v = json_object();
        json_object_set_new(v, "value", str(f->value));
        json_object_set_new(v, "line", json_integer(block_line(doc, f->block)));
        json_t *first = json_object_get(o, f->name);
        if (!first) {
            json_object_set_new(o, f->name, v);
            continue;
        }
        /* later occurrences (cover vs table) under the first one */
        json_t *others = json_object_get(first, "others");
        if (!others) {
            others = json_array();
            json_object_set_new(first, "others", others);
        }
        json_array_append_new(others, v);
    }
    return o;
}

static json_t *json_block(const fl_doc *doc, const fl_block *b)
{
    json_t *o = json_object();
    json_object_set_new(o, "line", json_integer(b->line));
    json_object_set_new(o, "part", json_string(fl_part_names[b->part]));
    json_object_set_new(o, "kind", json_string(kind_names[b->kind]));
    json_object_set_new(o, "level", json_integer(b->level));
    json_object_set_new(o, "style", str_or_null(b->style));
    json_object_set_new(o, "label", str_or_null(b->label));
    json_object_set_new(o, "text", jstr(b->text, b->len));
    json_object_set_new(o, "section", str(b->section >= 0 ? doc->sections[b->section].path : ""));
    if (b->table) {
        json_t *t = json_object();
        json_object_set_new(t, "id", json_integer(b->table));
        json_object_set_new(t, "row", json_integer(b->row));
        json_object_set_new(t, "col", json_integer(b->col));
        json_object_set_new(o, "table", t);
    } else {
        json_object_set_new(o, "table", json_null());
    }
    json_object_set_new(o, "images", json_integer(b->images));
    json_object_set_new(o, "revision", b->revision == FL_REV_INS ? json_string("ins") : json_null());
    if (b->flags) {
        json_t *fl = json_array();
        for (size_t k = 0; k < sizeof flag_names / sizeof *flag_names; k++)
            if (b->flags & flag_names[k].flag) json_array_append_new(fl, json_string(flag_names[k].name));
        json_object_set_new(o, "flags", fl);
    }
    return o;
}

static json_t *json_doc(const fl_doc *doc)
{
    json_t *root = json_object();
    json_object_set_new(root, "doc_type", str_or_null(doc->doc_type));
    json_t *props = json_object();
    for (size_t i = 0; i < doc->nprops; i++)
        json_object_set_new(props, doc->props[i].name, str(doc->props[i].value));
    json_object_set_new(root, "properties", props);
    json_object_set_new(root, "fields", json_fields(doc));
    json_t *blocks = json_array();
    for (size_t i = 0; i < doc->nblocks; i++) json_array_append_new(blocks, json_block(doc, &doc->blocks[i]));
    json_object_set_new(root, "blocks", blocks);
    json_t *secs = json_array();
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *s = &doc->sections[i];
        json_t *o = json_object();
        json_object_set_new(o, "line", json_integer(block_line(doc, s->block)));
        json_object_set_new(o, "end_line", json_integer(s->end > s->block ? block_line(doc, s->end - 1) : 0));
        json_object_set_new(o, "level", json_integer(s->level));
        json_object_set_new(o, "title", str(s->title));
        json_object_set_new(o, "path", str(s->path));
        json_array_append_new(secs, o);
    }
    json_object_set_new(root, "sections", secs);
    if (doc->nrevisions) {
        json_t *a = json_array();
        for (size_t i = 0; i < doc->nrevisions; i++) {
            const fl_revision_rec *r = &doc->revisions[i];
            json_t *o = json_object();
            json_object_set_new(o, "kind", json_string(rev_kind_names[r->kind]));
            json_object_set_new(o, "author", str_or_null(r->author));
            json_object_set_new(o, "date", str_or_null(r->date));
            json_object_set_new(o, "line", json_integer(block_line(doc, r->block)));
            json_array_append_new(a, o);
        }
        json_object_set_new(root, "revisions", a);
    }
    if (doc->ncomments) {
        json_t *a = json_array();
        for (size_t i = 0; i < doc->ncomments; i++) {
            const fl_comment *c = &doc->comments[i];
            json_t *o = json_object();
            json_object_set_new(o, "id", str_or_null(c->id));
            json_object_set_new(o, "author", str_or_null(c->author));
            json_object_set_new(o, "text", str_or_null(c->text));
            json_object_set_new(o, "start_line", json_integer(block_line(doc, c->start_block)));
            json_object_set_new(o, "end_line", json_integer(block_line(doc, c->end_block)));
            json_array_append_new(a, o);
        }
        json_object_set_new(root, "comments", a);
    }
    if (doc->nnotices) {
        json_t *a = json_array();
        for (size_t i = 0; i < doc->nnotices; i++) {
            json_t *o = json_object();
            json_object_set_new(o, "message", str(doc->notices[i].message));
            json_object_set_new(o, "line", json_integer(block_line(doc, doc->notices[i].block)));
            json_array_append_new(a, o);
        }
        json_object_set_new(root, "notices", a);
    }
    json_object_set_new(root, "path", str(doc->path));
    return root;
}

static void dump_json(const fl_doc *doc)
{
    json_t *root = json_doc(doc);
    json_dumpf(root, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(root);
}

/* ---- text ------------------------------------------------------------------ */

/* One line of text: tabs and line breaks shown as \t and \n, cut at max_cp. */
static void put_text(fl_buf *out, const char *s, size_t len, size_t max_cp)
{
    size_t cp_count = 0;
    for (size_t i = 0; i < len;) {
        if (max_cp && cp_count == max_cp) {
            fl_buf_printf(out, "… (%zu chars)", fl_utf8_count(s, len));
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

/* Why a heading is one: the reader's outline level (style, outlineLvl,
 * Markdown #), a heading style name, automatic numbering, typed numbers or
 * a known title. */
static void heading_source(fl_buf *t, const fl_doc *doc, const fl_block *b)
{
    const char *src = fl_sections_source(doc, b);
    if (b->outline && doc->format == FL_FMT_MARKDOWN) fl_buf_printf(t, "markdown %.*s", b->outline, "#########");
    else if (b->outline) fl_buf_printf(t, "outline level %d", b->outline);
    else fl_buf_adds(t, src ? src : "typed");
}

static void text_block(fl_buf *out, const fl_doc *doc, const fl_block *b, const int *depth)
{
    int d = b->section >= 0 ? depth[b->section] : 0;
    if (b->kind == FL_BLOCK_HEADING && d > 0) d--;
    char kind[16];
    if (b->kind == FL_BLOCK_HEADING) snprintf(kind, sizeof kind, "H%d", b->level);
    else snprintf(kind, sizeof kind, "%s", b->kind == FL_BLOCK_CELL ? "cell" : "para");
    fl_buf_printf(out, "%5d %-8s %-4s %*s", b->line, fl_part_names[b->part], kind, 2 * d, "");
    if (b->kind == FL_BLOCK_HEADING) fl_buf_adds(out, "§ ");
    if (b->table) fl_buf_printf(out, "[T%d r%dc%d] ", b->table, b->row, b->col);
    if (b->label) {
        fl_buf_addc(out, '[');
        put_text(out, b->label, strlen(b->label), 0);
        fl_buf_adds(out, "] ");
    }
    put_text(out, b->text, b->len, TEXT_MAX_CP);
    fl_buf t = FL_BUF_INIT; /* annotations */
    const char *why = fl_sections_explain(doc, b);
    if (b->kind == FL_BLOCK_HEADING) heading_source(&t, doc, b);
    else if (why && !(b->flags & (FL_BF_TOC | FL_BF_TITLE))) fl_buf_printf(&t, "not a heading: %s", why);
    else if (b->outline) fl_buf_printf(&t, "outline %d ignored", b->outline);
    if (b->style) fl_buf_printf(&t, "%sstyle %s", t.len ? ", " : "", b->style);
    for (size_t k = 0; k < sizeof flag_names / sizeof *flag_names; k++)
        if (b->flags & flag_names[k].flag) fl_buf_printf(&t, "%s%s", t.len ? ", " : "", flag_names[k].name);
    if (b->images) fl_buf_printf(&t, "%simages %d", t.len ? ", " : "", b->images);
    if (b->revision == FL_REV_INS) fl_buf_printf(&t, "%sinserted", t.len ? ", " : "");
    if (b->deletions) fl_buf_printf(&t, "%s%d deleted runs", t.len ? ", " : "", b->deletions);
    if (t.len) fl_buf_printf(out, "  {%s}", t.data);
    fl_buf_free(&t);
    fl_buf_addc(out, '\n');
}

static void dump_text(const fl_doc *doc)
{
    static const char *const formats[] = {"docx", "flat-opc", "word2003", "text", "markdown"};
    fl_buf out = FL_BUF_INIT;
    int *depth = section_depths(doc);
    fl_buf_printf(&out, "== %s (%s)\n", doc->path, formats[doc->format]);
    fl_buf_adds(&out, " line part     kind\n");
    for (size_t i = 0; i < doc->nblocks; i++) {
        text_block(&out, doc, &doc->blocks[i], depth);
        if (out.len > 1 << 16) {
            fwrite(out.data, 1, out.len, stdout);
            fl_buf_clear(&out);
        }
    }
    fl_buf_printf(&out, "\nsections (%zu):\n", doc->nsections);
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *s = &doc->sections[i];
        int last = s->end > s->block ? block_line(doc, s->end - 1) : block_line(doc, s->block);
        fl_buf_printf(&out, "%*s%s  [lines %d-%d]\n", 2 * depth[i], "", s->title, block_line(doc, s->block), last);
    }
    fl_buf_printf(&out, "\nfields (%zu):\n", doc->nfields);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        fl_buf_printf(&out, "  %s = ", f->name);
        put_text(&out, f->value, strlen(f->value), TEXT_MAX_CP);
        fl_buf_printf(&out, "  [line %d]\n", block_line(doc, f->block));
    }
    if (doc->nprops) {
        fl_buf_adds(&out, "\nproperties:\n");
        for (size_t i = 0; i < doc->nprops; i++)
            fl_buf_printf(&out, "  %s = %s\n", doc->props[i].name, doc->props[i].value);
    }
    if (doc->nrevisions) {
        fl_buf_printf(&out, "\nrevisions (%zu):\n", doc->nrevisions);
        for (size_t i = 0; i < doc->nrevisions; i++) {
            const fl_revision_rec *r = &doc->revisions[i];
            fl_buf_printf(&out, "  line %d: %s by %s %s\n", block_line(doc, r->block), rev_kind_names[r->kind],
                          r->author ? r->author : "?", r->date ? r->date : "");
        }
    }
    if (doc->ncomments) {
        fl_buf_printf(&out, "\ncomments (%zu):\n", doc->ncomments);
        for (size_t i = 0; i < doc->ncomments; i++) {
            const fl_comment *c = &doc->comments[i];
            fl_buf_printf(&out, "  lines %d-%d: %s: ", block_line(doc, c->start_block), block_line(doc, c->end_block),
                          c->author ? c->author : "?");
            if (c->text) put_text(&out, c->text, strlen(c->text), TEXT_MAX_CP);
            fl_buf_addc(&out, '\n');
        }
    }
    if (doc->nnotices) {
        fl_buf_adds(&out, "\nnotices:\n");
        for (size_t i = 0; i < doc->nnotices; i++) {
            int line = block_line(doc, doc->notices[i].block);
            if (line) fl_buf_printf(&out, "  line %d: %s\n", line, doc->notices[i].message);
            else fl_buf_printf(&out, "  %s\n", doc->notices[i].message);
        }
    }
    fl_buf_printf(&out, "\ndoc type: %s\n", doc->doc_type ? doc->doc_type : "(not recognised)");
    fwrite(out.data, 1, out.len, stdout);
    fl_buf_free(&out);
    free(depth);
}

/* ---- command ----------------------------------------------------------------- */

static int usage(void)
{
    printf("usage: filinglint dump [--format text|json] FILE...\n"
           "Print the document model the rules see: blocks with their line numbers,\n"
           "sections, fields and the detected document type.\n\n"
           "  -f, --format text|json   output format (default text)\n"
           "  -h, --help               show this help\n");
    return 0;
}

int fl_cmd_dump(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bool json = false;
    int c;
    optind = 1;
    opterr = 0; /* our own messages, in the style of the other commands */
    while ((c = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "json")) json = true;
            else if (!strcmp(optarg, "text")) json = false;
            else return fl_cmd_usage_error("dump: unknown format '%s' (text or json)", optarg);
            break;
        case 'h':
            return usage();
        case ':':
            return fl_cmd_usage_error("dump: option '%s' needs an argument", argv[optind - 1]);
        default:
            return fl_cmd_usage_error("dump: unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc) return fl_cmd_usage_error("dump: no input files");
    int status = 0;
    bool printed = false;
    for (int i = optind; i < argc; i++) {
        fl_doc *doc = NULL;
        fl_error err;
        fl_error_clear(&err);
        if (fl_input_load(&doc, argv[i], &err)) {
            char msg[2048];
            fflush(stdout);
            fprintf(stderr, "%s\n", fl_error_format(&err, msg, sizeof msg));
            status = 2;
            continue;
        }
        if (json) {
            dump_json(doc);
        } else {
            if (printed) fputc('\n', stdout);
            dump_text(doc);
        }
        printed = true;
        fl_doc_free(doc);
    }
    fflush(stdout);
    return status;
}
