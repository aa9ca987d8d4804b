/* Shared harness of the rule-kind unit tests: load one in-memory ruleset
 * (with the shipped data tables) as a cmocka group fixture, and lint a
 * Markdown text with a single rule of it. Include after <cmocka.h>; define
 * KIND_RULES_XML and KIND_RULES_NAME first. */
#ifndef KIND_HARNESS_H
#define KIND_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "input/input.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

typedef struct fixture {
    fl_rules rules;
    fl_lint *lint;
} fixture;

static int setup(void **state)
{
    setenv("FILINGLINT_RULESETS", FL_SOURCE_RULESETS, 1);
    fixture *f = calloc(1, sizeof *f);
    fl_error err;
    fl_rules_init(&f->rules);
    if (fl_rules_load_memory(&f->rules, KIND_RULES_NAME, KIND_RULES_XML, strlen(KIND_RULES_XML), &err)) {
        char line[1600];
        fprintf(stderr, "%s\n", fl_error_format(&err, line, sizeof line));
        return -1;
    }
    f->lint = fl_lint_new(&f->rules);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    fl_lint_free(f->lint);
    fl_rules_free(&f->rules);
    free(f);
    return 0;
}

/* Lint md with rule id only; doc_type and as_of (YYYY-MM-DD) may be NULL.
 * No tool error may occur. */
static void kind_run(fixture *f, const char *id, const char *doc_type, const char *as_of, const char *md,
                     fl_result *res)
{
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_input_load_memory(&doc, "t.md", md, strlen(md), &err), 0);
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
#endif
