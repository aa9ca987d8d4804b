/* Helpers every fuzz target links: library set-up and the model invariant
 * walk. A reader may reject any input, but what it accepts must be a model
 * the rules can index without bounds checks of their own. */
#include "fuzz.h"
#include "core/error.h"
#include "core/utf8.h"
#include "core/xmlsafe.h"
#include "model/load.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fl_fuzz_init(void)
{
    fl_xml_init();
    /* a Word 97-2003 seed must not start LibreOffice for every input */
    setenv("FL_SOFFICE", "none", 1);
}

static void broken(const char *what, size_t i, long value)
{
    fprintf(stderr, "fuzz: model invariant broken: %s (item %zu, value %ld)\n", what, i, value);
    abort();
}

/* strlen makes ASan read the whole string: a dangling or unterminated one
 * shows up here, at the reader that made it. */
static void touch(const char *s, const char *what, size_t i)
{
    if (!s) broken(what, i, 0);
    volatile size_t n = strlen(s);
    (void)n;
}

static int in_range(int idx, size_t n) { return idx >= 0 && (size_t)idx < n; }

/* Revisions and notices name the block something "would have been in", which
 * may be the one past the end (a deletion or an altChunk after the last
 * paragraph); consumers (cmd/dump.c block_line) check for that. */
static int near_range(int idx, size_t n) { return idx >= -1 && (size_t)(idx + 1) <= n + 1; }

static void check_blocks(const fl_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!b->text) broken("block text is NULL", i, 0);
        if (b->text[b->len] != '\0') broken("block text not NUL-terminated at len", i, (long)b->len);
        if (!fl_utf8_valid(b->text, b->len)) broken("block text is not valid UTF-8", i, (long)b->len);
        const fl_block_extra *x = fl_block_x(doc, b);
        if (b->extra > doc->nextras) broken("block extra record out of range", i, (long)b->extra);
        if (x->label_len > b->len) broken("label_len > len", i, (long)x->label_len);
        if (x->label) touch(x->label, "block label", i);
        if (x->fold) touch(x->fold, "block fold", i);
        if (fl_block_style(doc, b)) touch(fl_block_style(doc, b), "block style", i);
        if (fl_block_part_name(doc, b)) touch(fl_block_part_name(doc, b), "block part_name", i);
        if ((unsigned)b->part >= FL_PART_COUNT) broken("block part out of range", i, b->part);
        if (b->section != -1 && !in_range(b->section, doc->nsections))
            broken("block section index out of range", i, b->section);
        if (b->level > 9) broken("block level out of 0..9", i, b->level);
        if (b->table < 0 || b->table > doc->ntables) broken("block table id out of range", i, b->table);
    }
}

static void check_sections(const fl_doc *doc)
{
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *s = &doc->sections[i];
        if (!in_range(s->block, doc->nblocks)) broken("section block out of range", i, s->block);
        if (s->end <= s->block || (size_t)s->end > doc->nblocks) broken("section end out of range", i, s->end);
        if (s->parent < -1 || s->parent >= (int)i) broken("section parent not an earlier section", i, s->parent);
        touch(s->title, "section title", i);
        touch(s->path, "section path", i);
    }
}

static void check_records(const fl_doc *doc)
{
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        touch(f->name, "field name", i);
        touch(f->value, "field value", i);
        if (!in_range(f->block, doc->nblocks)) broken("field block out of range", i, f->block);
    }
    for (size_t i = 0; i < doc->nprops; i++) {
        touch(doc->props[i].name, "property name", i);
        touch(doc->props[i].value, "property value", i);
    }
    for (size_t i = 0; i < doc->ncomments; i++) {
        const fl_comment *c = &doc->comments[i];
        if (c->id) touch(c->id, "comment id", i);
        if (c->author) touch(c->author, "comment author", i);
        if (c->date) touch(c->date, "comment date", i);
        if (c->text) touch(c->text, "comment text", i);
        if (c->start_block != -1 && !in_range(c->start_block, doc->nblocks))
            broken("comment start_block out of range", i, c->start_block);
        if (c->end_block != -1 && !in_range(c->end_block, doc->nblocks))
            broken("comment end_block out of range", i, c->end_block);
    }
    for (size_t i = 0; i < doc->nrevisions; i++) {
        const fl_revision_rec *r = &doc->revisions[i];
        if (r->author) touch(r->author, "revision author", i);
        if (r->date) touch(r->date, "revision date", i);
        if (!near_range(r->block, doc->nblocks)) broken("revision block out of range", i, r->block);
    }
    for (size_t i = 0; i < doc->nnotices; i++) {
        touch(doc->notices[i].message, "notice message", i);
        if (!near_range(doc->notices[i].block, doc->nblocks))
            broken("notice block out of range", i, doc->notices[i].block);
    }
}

void fl_fuzz_check_doc(const fl_doc *doc)
{
    if (!doc->finished) broken("document not finished", 0, 0);
    check_blocks(doc);
    check_sections(doc);
    check_records(doc);
    if (doc->doc_type) touch(doc->doc_type, "doc_type", 0);
    touch(doc->path, "path", 0);
}

void fl_fuzz_load(const char *name, const uint8_t *data, size_t size)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, name, data, size, &err) == 0) {
        fl_fuzz_check_doc(doc);
        fl_doc_free(doc);
    } else if (err.code == FL_OK || doc) {
        /* A failure the CLI could not explain to the user. */
        fprintf(stderr, "fuzz: load failed without an error code (doc %p)\n", (void *)doc);
        abort();
    }
}
