/* Embedded examples as tests (see selftest.h). */
#include "model/finish.h"
#include "model/load.h"
#include "input/readers.h"
#include "rules/selftest.h"
#include "core/date.h"
#include "corpus/index.h"
#include "rules/sigtable.h"
#include "input/input.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int block_of_line(const fl_doc *doc, int line)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].line == line && doc->blocks[i].part == FL_PART_BODY) return (int)i;
    return -1;
}

static int apply_marks(fl_doc *doc, const fl_example *ex, fl_error *err)
{
    for (size_t i = 0; i < ex->nprops; i++) fl_doc_set_prop(doc, ex->props[i].name, ex->props[i].value);
    for (size_t i = 0; i < ex->nmarks; i++) {
        const fl_mark *m = &ex->marks[i];
        int b = block_of_line(doc, m->line);
        if (b < 0) {
            return fl_error_setf(err, FL_E_USAGE, "the example has no text on line %d", m->line);
        }
        switch (m->kind) {
        case FL_MARK_INS: case FL_MARK_DEL: case FL_MARK_MOVE_TO: case FL_MARK_MOVE_FROM:
            fl_doc_add_revision(doc, (fl_rev_kind)m->kind, m->author, m->date, b);
            if (m->kind == FL_MARK_INS || m->kind == FL_MARK_MOVE_TO) fl_block_xw(doc, &doc->blocks[b])->revision = FL_REV_INS;
            else fl_block_xw(doc, &doc->blocks[b])->deletions++;
            break;
        case FL_MARK_COMMENT: {
            fl_comment *c = fl_doc_add_comment(doc);
            c->id = fl_arena_printf(&doc->arena, "%zu", i);
            c->author = fl_arena_strdup(&doc->arena, m->author);
            c->date = fl_arena_strdup(&doc->arena, m->date);
            c->text = fl_arena_strdup(&doc->arena, m->text ? m->text : "");
            c->start_block = c->end_block = b;
            break;
        }
        case FL_MARK_PLACEHOLDER: doc->blocks[b].flags |= FL_BF_PLACEHOLDER; break;
        }
    }
    return 0;
}

int fl_example_doc(fl_doc **out, const fl_example *ex, fl_error *err)
{
    fl_doc *doc = NULL;
    *out = NULL;
    if (ex->text && *ex->text) {
        if (fl_doc_load_memory(&doc, "example.md", ex->text, strlen(ex->text), err)) return -1;
    } else { /* nothing but package contents (properties, revisions) */
        doc = fl_doc_new("example.md");
        doc->reader = fl_reader_find("markdown");
        fl_doc_finish(doc);
    }
    if (apply_marks(doc, ex, err)) {
        fl_doc_free(doc);
        return -1;
    }
    *out = doc;
    return 0;
}

/* One of an example's other filings into the corpus c. */
static int index_other(fl_corpus *c, const fl_example_other *o, fl_error *err)
{
    fl_doc *doc = NULL;
    fl_corpus_entry e;
    fl_corpus_status st;
    int rc = -1;
    memset(&e, 0, sizeof e);
    if (fl_doc_load_memory(&doc, o->name, o->text, strlen(o->text), err)) goto cleanup;
    if (fl_corpus_entry_make(&e, doc, FL_CORPUS_FILING, fl_corpus_params(c), err)) goto cleanup;
    fl_sigtable_add_to_entry(&e, doc); /* as `index` does */
    rc = fl_corpus_store(c, &e, &st, err);
cleanup:
    fl_corpus_entry_free(&e);
    fl_doc_free(doc);
    return rc;
}

static void remove_db(const char *path)
{
    char side[4200];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-journal", path);
    unlink(side);
}

/* A temporary corpus of the example's other filings, in $TMPDIR (path
 * filled in; the caller removes it with remove_db). */
static int make_corpus(char *path, size_t cap, const fl_example *ex, fl_error *err)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, cap, "%s/filinglint-example-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        path[0] = '\0';
        return fl_error_set(err, FL_E_CORPUS, "cannot create a temporary database");
    }
    close(fd);
    fl_corpus *c = NULL;
    int rc = fl_corpus_open(&c, path, FL_CORPUS_WRITE, NULL, err);
    for (size_t i = 0; rc == 0 && i < ex->nothers; i++) rc = index_other(c, &ex->others[i], err);
    fl_corpus_close(c);
    return rc;
}

/* The document type an example runs as: its own, else (for a rule limited to
 * some types) the first of the rule's types unless detection found one of
 * them, else whatever detection says. */
static const char *example_type(const fl_rule *r, const fl_example *ex, const fl_doc *doc)
{
    if (ex->doc_type) return ex->doc_type;
    if (fl_rule_applies(r, doc->doc_type)) return doc->doc_type;
    if (r->ndoc_types) return r->doc_types[0];
    if (r->ruleset->napplies) return r->ruleset->applies_to[0];
    return doc->doc_type;
}

static bool check_fail(const fl_example *ex, const fl_result *res, char *why, size_t cap)
{
    if (res->nfindings == 0) {
        snprintf(why, cap, "fail example was not reported");
        return false;
    }
    if (ex->count && res->nfindings != (size_t)ex->count) {
        snprintf(why, cap, "fail example expected %d finding%s, got %zu", ex->count, ex->count == 1 ? "" : "s",
                 res->nfindings);
        return false;
    }
    bool item = !ex->item, line = !ex->at_line;
    for (size_t i = 0; i < res->nfindings; i++) {
        const fl_finding *f = &res->findings[i];
        if (ex->item && f->item && !strcmp(f->item, ex->item)) item = true;
        if (ex->at_line && f->line == ex->at_line) line = true;
    }
    if (!item) {
        snprintf(why, cap, "fail example expected a finding for item '%s', got: %s", ex->item, res->findings[0].message);
        return false;
    }
    if (!line) {
        snprintf(why, cap, "fail example expected a finding on line %d, got line %d", ex->at_line, res->findings[0].line);
        return false;
    }
    return true;
}

bool fl_example_check(fl_lint *l, const fl_rule *r, const fl_example *ex, fl_result *res, char *why, size_t cap)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_example_doc(&doc, ex, &err)) {
        snprintf(why, cap, "example cannot be read: %s", err.message);
        return false;
    }
    char db[4096] = "";
    if (ex->nothers && make_corpus(db, sizeof db, ex, &err)) {
        snprintf(why, cap, "example corpus cannot be built: %s", err.message);
        if (db[0]) remove_db(db);
        fl_doc_free(doc);
        return false;
    }
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    if (db[0]) o.corpus = db;
    o.only = r;
    o.doc_type = example_type(r, ex, doc);
    if (ex->as_of && fl_date_iso_parse(&o.as_of, ex->as_of) == 0) o.has_as_of = true;
    fl_lint_run(l, doc, &o, res);
    bool ok;
    if (res->nerrors) {
        snprintf(why, cap, "%s", res->errors[0].message);
        ok = false;
    } else if (ex->fail) {
        ok = check_fail(ex, res, why, cap);
    } else if (res->nfindings) {
        snprintf(why, cap, "pass example was reported at line %d: %s", res->findings[0].line, res->findings[0].message);
        ok = false;
    } else {
        ok = true;
    }
    if (db[0]) remove_db(db);
    fl_doc_free(doc);
    return ok;
}
