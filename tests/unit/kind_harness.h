/* Shared harness of the rule-kind unit tests: load one in-memory ruleset
 * (with the shipped data tables) as a cmocka group fixture (lint_fixture.h), and lint a
 * Markdown text with a single rule of it. Include after <cmocka.h>; define
 * KIND_RULES_XML and KIND_RULES_NAME first. */
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
