/* Embedded examples as tests (see selftest.h). */
#include "rules/selftest.h"
#include "core/date.h"
#include "input/input.h"
#include <stdio.h>
#include <string.h>

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
            char msg[64];
            snprintf(msg, sizeof msg, "the example has no text on line %d", m->line);
            return fl_error_set(err, FL_E_USAGE, msg);
        }
        switch (m->kind) {
        case FL_MARK_INS: case FL_MARK_DEL: case FL_MARK_MOVE_TO: case FL_MARK_MOVE_FROM:
            fl_doc_add_revision(doc, (fl_rev_kind)m->kind, m->author, m->date, b);
            if (m->kind == FL_MARK_INS || m->kind == FL_MARK_MOVE_TO) doc->blocks[b].revision = FL_REV_INS;
            else doc->blocks[b].deletions++;
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
        if (fl_input_load_memory(&doc, "example.md", ex->text, strlen(ex->text), err)) return -1;
    } else { /* nothing but package contents (properties, revisions) */
        doc = fl_doc_new("example.md");
        doc->format = FL_FMT_MARKDOWN;
        fl_doc_finish(doc);
    }
    if (apply_marks(doc, ex, err)) {
        fl_doc_free(doc);
        return -1;
    }
    *out = doc;
    return 0;
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
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
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
    fl_doc_free(doc);
    return ok;
}
