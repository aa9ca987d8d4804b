/* Suppressions written into a filing, each with its reason:
 *
 *   Word comment (批注) on a range, DOCX / Flat OPC / Word 2003:
 *       filinglint-disable EIA302,EIA304: 项目确跨两省，已与审批部门确认
 *     hides those rules' findings on the blocks the comment covers;
 *   .md / .txt, a line of its own:
 *       <!-- filinglint-disable DOC001: 型号 XX-200 为厂家型号 -->
 *     hides them on the next line (every block of it: a table row's cells).
 *
 * Rules are ids or id prefixes, separated by commas (, ， 、); the reason
 * follows a colon (: or ：). A suppression without a reason does not
 * suppress anything and is reported (LINT001, info); one that hid nothing
 * although its rules ran is reported too (LINT002, info), so stale ones get
 * cleaned up.
 *
 * Ownership: the two built-in rules are static; findings added go into the
 * result's arena. */
#ifndef FL_SUPPRESS_H
#define FL_SUPPRESS_H
#include <stdbool.h>
#include "doc/doc.h"
#include "rules/finding.h"
#include "rules/ruleset.h"

enum { FL_LINT_NO_REASON, FL_LINT_UNUSED, FL_LINT_COUNT };
/* LINT001 (suppression without a reason), LINT002 (suppression that hid nothing). */
extern const fl_rule fl_suppress_rules[FL_LINT_COUNT];

typedef struct fl_suppress_opts {
    const fl_rules *rules;        /* to tell whether a named rule ran */
    const unsigned char *enabled; /* per rule index, NULL = all */
    const char *doc_type;         /* as linted */
    bool report[FL_LINT_COUNT];   /* LINT001 / LINT002 selected */
} fl_suppress_opts;

/* Drop the findings of res that a suppression in doc covers, add LINT
 * findings, and leave res sorted. Returns how many findings were dropped. */
size_t fl_suppress_apply(const fl_doc *doc, fl_result *res, const fl_suppress_opts *o);
#endif
