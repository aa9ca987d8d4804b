/* The rule engine: runs every applicable rule of a set over one document and
 * fills an fl_result. Linting is a pure function of (rules, document,
 * options): an fl_lint holds only per-thread scratch (PCRE2 match data, the
 * JIT stack, caches reset per document), so each worker thread makes its own
 * fl_lint over the one shared, read-only fl_rules.
 *
 * Ownership: fl_lint_new's result belongs to the caller (fl_lint_free); the
 * rules and the document must outlive each fl_lint_run call. */
#ifndef FL_ENGINE_H
#define FL_ENGINE_H
#include <stdbool.h>
#include "core/date.h"
#include "doc/doc.h"
#include "rules/finding.h"
#include "rules/ruleset.h"

typedef struct fl_lint_opts {
    const char *doc_type;           /* --doc-type: skip detection; NULL = detected */
    bool has_as_of;
    fl_date as_of;                  /* --as-of: the judging date, over the filing's own date */
    const unsigned char *enabled;   /* per rule index (--select/--ignore); NULL = all */
    const fl_rule *only;            /* run this rule alone (test-rules), NULL = all */
    bool ignore_doc_type;           /* run rules whatever the document type */
    const char *corpus;             /* --corpus: similarity database (kind corpus); NULL = none */
} fl_lint_opts;

typedef struct fl_lint fl_lint;

fl_lint *fl_lint_new(const fl_rules *rules);
void fl_lint_free(fl_lint *l); /* NULL-safe */
/* Lint doc into out (which must be initialised). Findings come out sorted.
 * A rule that hits a pattern limit adds a tool error to out and contributes
 * no findings; the other rules go on. The document is judged at --as-of,
 * else its own date (doc->filing_date), else today (SOURCE_DATE_EPOCH when
 * set): rules not in force on that date do not run, and each finding cites
 * the basis in force then (out->judged, fl_finding.basis). */
void fl_lint_run(fl_lint *l, const fl_doc *doc, const fl_lint_opts *opts, fl_result *out);

/* --select / --ignore: ids or id prefixes, one an item (the command line's
 * comma lists are split when the settings are read). Returns
 * a mask of set->nrules entries (caller frees): a rule is on when some select
 * entry (or none given) and no ignore entry is a prefix of its id. */
unsigned char *fl_lint_select(const fl_rules *set, char *const *select, size_t nselect,
                              char *const *ignore, size_t nignore);
/* Does any rule id start with prefix? (to warn about a mistyped selector) */
bool fl_rules_prefix_used(const fl_rules *set, const char *prefix, size_t len);
#endif
