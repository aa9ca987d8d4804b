/* `filinglint test-rules [RULESET...]`: run every rule's embedded examples
 * (the shipped rulesets, or the files and folders named). One line per
 * example that misbehaves, "ruleset.xml:LINE: RULE: reason" with the
 * example's line, then "N passed, N failed". Exit 1 on any failure, 3 when a
 * ruleset does not load. */
#include "cmd/cmd.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "rules/selftest.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct option long_opts[] = {
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int fl_cmd_test_rules(int argc, char **argv)
{
    bool verbose = false;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":vh", long_opts, NULL)) != -1) {
        if (c == 'v') verbose = true;
        else if (c == 'h') {
            printf("usage: filinglint test-rules [-v] [RULESET...]\n"
                   "Runs every rule's embedded examples; without arguments, those of the shipped rulesets.\n");
            return 0;
        } else return fl_cmd_usage_error("unknown option %s", argv[optind - 1]);
    }
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    fl_error_clear(&err);
    if (fl_rules_load_all(&set, optind == argc, argv + optind, (size_t)(argc - optind), &err)) {
        char line[1600];
        fprintf(stderr, "%s\n", fl_error_format(&err, line, sizeof line));
        fl_rules_free(&set);
        return 3;
    }
    fl_lint *lint = fl_lint_new(&set);
    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < set.nrules; i++) {
        const fl_rule *r = set.all[i];
        for (size_t k = 0; k < r->nexamples; k++) {
            const fl_example *ex = &r->examples[k];
            fl_result res;
            char why[1024] = "";
            fl_result_init(&res);
            bool ok = fl_example_check(lint, r, ex, &res, why, sizeof why);
            fl_result_free(&res);
            if (ok) {
                passed++;
                if (verbose) printf("%s:%d: %s: ok (%s example)\n", r->ruleset->path, ex->line, r->id, ex->fail ? "fail" : "pass");
            } else {
                failed++;
                printf("%s:%d: %s: %s\n", r->ruleset->path, ex->line, r->id, why);
            }
        }
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    fl_lint_free(lint);
    fl_rules_free(&set);
    return failed ? 1 : 0;
}
