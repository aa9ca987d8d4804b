/* The cmocka group fixture the rule tests share: one loaded rule set and a
 * lint context over it, from a ruleset file or from XML held in the test.
 * Include after <cmocka.h>. */
#ifndef LINT_FIXTURE_H
#define LINT_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/engine.h"
#include "rules/ruleset.h"

typedef struct fixture {
    fl_rules rules;
    fl_lint *lint;
    char dir[1024]; /* fixtures/, for tests that read filings */
} fixture;

/* xml NULL: load the ruleset file at name; else parse xml, named name in
 * errors. Stores the fixture in *state; prints the load error and returns
 * -1 when the rules do not load. */
static int fixture_load(void **state, const char *name, const char *xml)
{
    fixture *f = calloc(1, sizeof *f);
    const char *fx = getenv("FL_FIXTURES");
    snprintf(f->dir, sizeof f->dir, "%s", fx ? fx : "fixtures");
    fl_error err;
    fl_rules_init(&f->rules);
    int rc = xml ? fl_rules_load_memory(&f->rules, name, xml, strlen(xml), &err) : fl_rules_load(&f->rules, name, &err);
    *state = f;
    if (rc) {
        char line[1600];
        fprintf(stderr, "%s\n", fl_error_format(&err, line, sizeof line));
        return -1;
    }
    f->lint = fl_lint_new(&f->rules);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (!f) return 0;
    fl_lint_free(f->lint);
    fl_rules_free(&f->rules);
    free(f);
    return 0;
}
#endif
