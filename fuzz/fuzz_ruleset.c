/* Fuzz target: ruleset loading from memory (XML with the hardened parser,
 * RelaxNG validation, named patterns, PCRE2 compilation with JIT, every rule
 * kind's parameters, data table references), then every loaded rule's
 * embedded examples run as test-rules runs them, so fuzzed patterns and
 * parameters meet the matcher and the kinds too.
 *
 * The ruleset is named as if it sat in the shipped rulesets folder, so a
 * <data file="places.xml"/> reference finds the real table. A ruleset may
 * be refused with a load error, and an example may fail; neither is a bug.
 * A refusal without an error code, or a loaded rule without its id, message
 * or both kinds of example, is. */
#include "fuzz.h"
#include "core/error.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "rules/selftest.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static char name[PATH_MAX];

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    char dir[PATH_MAX - 16];
    if (!fl_rulesets_dir(dir, sizeof dir)) die("no shipped rulesets folder", NULL);
    snprintf(name, sizeof name, "%s/fuzz.xml", dir);
    return 0;
}

static void run_examples(const fl_rules *set)
{
    fl_lint *lint = fl_lint_new(set);
    for (size_t i = 0; i < set->nrules; i++) {
        const fl_rule *r = set->all[i];
        if (!r->id || !r->message) die("loaded rule lacks id or message", r->id);
        for (size_t k = 0; k < r->nexamples; k++) {
            fl_result res;
            char why[512];
            fl_result_init(&res);
            (void)fl_example_check(lint, r, &r->examples[k], &res, why, sizeof why);
            fl_result_free(&res);
        }
    }
    fl_lint_free(lint);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl_rules set;
    fl_error err;
    fl_error_clear(&err);
    fl_rules_init(&set);
    if (fl_rules_load_memory(&set, name, (const char *)data, size, &err) == 0) run_examples(&set);
    else if (err.code == FL_OK) die("ruleset refused without an error code", NULL);
    fl_rules_free(&set);
    return 0;
}
