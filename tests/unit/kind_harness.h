/* Shared harness of the rule-kind unit tests: load one in-memory ruleset
 * (with the shipped data tables) as a cmocka group fixture (lint_fixture.h), lint a
 * Markdown text with a single rule of it (kind_run) and compare its findings,
 * each shown as the test chooses, with what is wanted (kind_expect). Include
 * after <cmocka.h>; define KIND_RULES_XML and KIND_RULES_NAME first. */
#ifndef KIND_HARNESS_H
#define KIND_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/load.h"
#include "core/date.h"
#include "input/input.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "lint_fixture.h"

static int setup(void **state)
{
    setenv("FILINGLINT_RULESETS", FL_SOURCE_RULESETS, 1);
    return fixture_load(state, KIND_RULES_NAME, KIND_RULES_XML);
}

/* Lint md with rule id only; doc_type and as_of (YYYY-MM-DD) may be NULL.
 * No tool error may occur. */
static void kind_run(fixture *f, const char *id, const char *doc_type, const char *as_of, const char *md,
                     fl_result *res)
{
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "t.md", md, strlen(md), &err), 0);
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.only = fl_rules_find(&f->rules, id);
    assert_non_null(o.only);
    o.doc_type = doc_type;
    if (as_of) {
        assert_int_equal(fl_date_iso_parse(&o.as_of, as_of), 0);
        o.has_as_of = true;
    }
    fl_result_init(res);
    fl_lint_run(f->lint, doc, &o, res);
    assert_int_equal(res->nerrors, 0);
    fl_doc_free(doc);
}

/* What a test shows of one finding, written into out (at most cap bytes):
 * the values its message carries, so a case checks what was computed, not
 * only that something was said. NULL shows the message whole. */
typedef void (*kind_show_fn)(char *out, size_t cap, const fl_finding *fd);

/* Lint md with rule id (as kind_run) and compare its findings, each shown
 * by show and joined by ';' ("" for none), with want; when there is a
 * finding and want_line is not 0, the first one must be on that line. */
static inline void kind_expect(fixture *f, const char *id, const char *doc_type, const char *as_of, const char *md,
                               kind_show_fn show, const char *want, int want_line)
{
    fl_result res;
    kind_run(f, id, doc_type, as_of, md, &res);
    char got[4096] = "";
    for (size_t i = 0; i < res.nfindings; i++) {
        size_t n = strlen(got);
        if (i) n += (size_t)snprintf(got + n, sizeof got - n, ";");
        if (show) show(got + n, sizeof got - n, &res.findings[i]);
        else snprintf(got + n, sizeof got - n, "%s", res.findings[i].message);
    }
    if (strcmp(got, want))
        fail_msg("%s%s%s%s\ngot \"%s\", want \"%s\"", as_of ? "as of " : "", as_of ? as_of : "", as_of ? ": " : "", md,
                 got, want);
    if (res.nfindings && want_line) assert_int_equal(res.findings[0].line, want_line);
    fl_result_free(&res);
}

/* The text of m between open and the first close after it, for "%.*s";
 * .s is NULL when either is missing. Show functions cut their values out
 * of the message with it. */
typedef struct {
    int len;
    const char *s;
} kind_span;

static inline kind_span kind_between(const char *m, const char *open, const char *close)
{
    kind_span sp = {0, NULL};
    const char *a = strstr(m, open);
    if (!a) return sp;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b) return sp;
    sp.len = (int)(b - a);
    sp.s = a;
    return sp;
}

/* A heading line, then one paragraph of n copies of unit and no sentence
 * end: the shape that would make a sentence reader quadratic. Free it. */
static inline char *kind_long_paragraph(const char *heading, const char *unit, size_t n)
{
    size_t hl = strlen(heading), ul = strlen(unit);
    char *md = malloc(hl + n * ul + 2);
    assert_non_null(md);
    memcpy(md, heading, hl);
    for (size_t i = 0; i < n; i++) memcpy(md + hl + i * ul, unit, ul);
    strcpy(md + hl + n * ul, "\n");
    return md;
}
#endif
