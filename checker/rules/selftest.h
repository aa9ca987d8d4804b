/* Running a rule's embedded examples (test-rules, and the unit tests): each
 * example text becomes a document (as Markdown), gets what the example adds
 * (document properties, revisions, comments, placeholder flags), and the rule
 * alone runs over it. A fail example must be reported (as many times, on the
 * line, naming the item, as it says); a pass example must not. */
#ifndef FL_SELFTEST_H
#define FL_SELFTEST_H
#include <stdbool.h>
#include <stddef.h>
#include "rules/engine.h"
#include "rules/ruleset.h"

/* Build the document an example describes. *out belongs to the caller. */
int fl_example_doc(fl_doc **out, const fl_example *ex, fl_error *err);

/* Run one example; true when it behaves as it says. On false, why holds a
 * one-line reason. res (initialised by the caller) receives the findings. */
bool fl_example_check(fl_lint *l, const fl_rule *r, const fl_example *ex, fl_result *res, char *why,
                      size_t cap);
#endif
