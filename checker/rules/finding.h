/* The result of linting one document: its findings (data about the
 * document) and the tool errors met on the way (a rule that hit a pattern
 * limit). Every output format in report/ reads this one structure.
 *
 * Ownership: an fl_result owns its strings (arena) and vectors; the rule
 * pointers refer to the fl_rules set, which must outlive the result. */
#ifndef FL_FINDING_H
#define FL_FINDING_H
#include <stddef.h>
#include "core/arena.h"
#include "core/error.h"
#include "doc/doc.h"
#include "rules/ruleset.h"

#define FL_EXCERPT_MAX 300 /* code points, docs/cli.md */

typedef struct fl_finding {
    const fl_rule *rule;
    fl_severity severity;
    const char *message;    /* placeholders filled */
    const char *message_en; /* NULL when the rule has none */
    const char *match;      /* matched original text, "" when the finding is about something missing */
    const char *item;       /* mention item name, NULL otherwise */
    int block;              /* block index, -1 for the document as a whole */
    int line, column;       /* 1-based; column in code points */
    int end_line, end_column; /* end_column is one past the last character */
    /* A PDF: the page the block starts on and the line of that page, as
     * fl_block_page_of gives them; 0 for other formats. */
    int page, page_line;
    fl_part part;
    const char *section;    /* section path, "" when none */
    const char *excerpt;    /* block text, at most FL_EXCERPT_MAX code points */
    /* A doc type ("eia-pp"): the check command drops the finding when a file
     * of that type is among the files linted in the same folder (EIA401).
     * NULL for findings that stand alone. */
    const char *unless_sibling;
    /* Stable identity for baselines and SARIF partialFingerprints, set by
     * rules/baseline.c (check command); NULL until then. */
    const char *fingerprint;
    /* Another file the finding points at (EIA303: the filing the passage is
     * also in) and its line; NULL / 0 when none. */
    const char *related_path;
    int related_line;
    /* The basis it cites: the rule's for the document type and judging
     * date (fl_rule_basis); NULL for built-in rules, which cite none. */
    const fl_basis *basis;
} fl_finding;

/* The basis a finding cites (NULL-safe: built-in rules give the rule's). */
static inline const fl_basis *fl_finding_basis(const fl_finding *f)
{
    return f->basis ? f->basis : &f->rule->basis;
}

/* The date a document is judged at, and where it came from: --as-of, else
 * the filing's own date (doc->filing_date), else today. */
typedef enum fl_judged_from { FL_JUDGED_TODAY, FL_JUDGED_FILING, FL_JUDGED_OPTION } fl_judged_from;
extern const char *const fl_judged_from_names[]; /* "today", "filing", "option" */
typedef struct fl_judging {
    fl_date date;        /* as precise as known: m == 0 year only, d == 0 month only */
    fl_judged_from from;
    int line;            /* filing: the line the date is on; today: the line of a date left
                            blank ("  年  月  日"), 0 when the filing has none */
    bool blank;          /* today: the filing has a date line left blank */
} fl_judging;
/* "2019-04 (filing date, line 4)", "2018-05-01 (--as-of)", "2026-12-07
 * (today: the filing gives no date)": the judging date and where it came
 * from, for check -v, in the language in force (core/i18n.h). */
const char *fl_judging_describe(const fl_judging *j, char *buf, size_t cap);
/* Where it came from alone: "filing date, line 4". */
const char *fl_judging_from(const fl_judging *j, char *buf, size_t cap);

typedef struct fl_tool_error {
    fl_diag code;
    const char *rule;    /* the rule it concerns, NULL if none */
    const char *message; /* one line: "path: rule X: ..." */
} fl_tool_error;

typedef struct fl_result {
    fl_arena arena;
    const char *doc_type; /* as used for the run, NULL when not recognised */
    const char *doc_type_reason; /* why: "--doc-type", the model's reason; NULL when none */
    fl_judging judged;    /* the date the rules were judged at */
    fl_finding *findings; size_t nfindings, cap_findings;
    fl_tool_error *errors; size_t nerrors, cap_errors;
} fl_result;

void fl_result_init(fl_result *r);
void fl_result_free(fl_result *r); /* NULL-safe */
fl_finding *fl_result_add(fl_result *r);
void fl_result_add_error(fl_result *r, fl_diag code, const char *rule, const char *message);
/* By line, column, rule id (then end, message: a total order). */
void fl_result_sort(fl_result *r);
/* Findings at or above min. */
size_t fl_result_count(const fl_result *r, fl_severity min);
#endif
