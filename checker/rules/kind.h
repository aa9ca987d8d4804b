/* Rule kinds: what a rule's kind element (<mention>, <forbid>, ...) means.
 * Each kind is one file kind_<name>.c defining an fl_kind, listed once in
 * kinds.c. A kind parses its element into a compiled form at load time
 * (through the loader helpers below, so every pattern is normalised, expanded
 * and JIT-compiled once) and runs over a document through the scan helpers,
 * emitting hits that the engine turns into located findings.
 *
 * Adding a kind: write kind_<name>.c, add a row to kinds.c, describe its
 * element in rulesets/schema/ruleset.rng, document it in rulesets/README.md. */
#ifndef FL_KIND_H
#define FL_KIND_H
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/error.h"
#include "core/norm.h"
#include "rules/finding.h"
#include "rules/ruleset.h"

typedef struct fl_loader fl_loader; /* parse_helpers.h: the ruleset being loaded */
typedef struct fl_scan fl_scan;     /* engine.c: one rule over one document */

typedef struct fl_kind {
    const char *name;         /* element name in the ruleset XML */
    const char *const *vars;  /* placeholders the kind fills, NULL-terminated */
    int (*parse)(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err);
    void (*run)(const fl_rule *rule, fl_scan *s);
    /* For `explain`: the parameters in a reader's words, one per line; may be NULL. */
    void (*describe)(const fl_rule *rule, FILE *out);
} fl_kind;

const fl_kind *fl_kind_find(const char *name); /* kinds.c; NULL if unknown */

/* ---- loading (parse_helpers.c) ------------------------------------------------ */
void *fl_loader_alloc(fl_loader *ld, size_t n);            /* zeroed, ruleset arena */
const char *fl_loader_strdup(fl_loader *ld, const char *s);
/* Attribute value in the ruleset arena, NULL if absent. */
const char *fl_loader_attr(fl_loader *ld, const xmlNode *n, const char *name);
/* Trimmed text content of n, in the ruleset arena. */
const char *fl_loader_text(fl_loader *ld, const xmlNode *n);
/* Whitespace-separated list; each entry normalised as a field label when
 * labels is true. Returns the count; *out in the ruleset arena. */
size_t fl_loader_list(fl_loader *ld, const char *s, bool labels, const char ***out);
/* Compile src (NULL -> *out = NULL, success). Errors name the node's line. */
int fl_loader_pattern(fl_loader *ld, const xmlNode *n, const char *src, const fl_pattern **out,
                      fl_error *err);
int fl_loader_pattern_attr(fl_loader *ld, const xmlNode *n, const char *attr,
                           const fl_pattern **out, fl_error *err);
int fl_loader_pattern_text(fl_loader *ld, const xmlNode *n, const fl_pattern **out, fl_error *err);
/* A message template in attribute attr of n (NULL when absent), its
 * placeholders checked against the rule's kind like the rule's <message>. */
/* Does msg use only placeholders ({name}) that the rule's kind fills? */
int fl_loader_check_placeholders(fl_loader *ld, const xmlNode *n, const fl_rule *r, const char *msg, fl_error *err);
int fl_loader_message(fl_loader *ld, const xmlNode *n, const fl_rule *r, const char *attr, const char **out,
                      fl_error *err);
/* Attributes scope, exclude, parts, level of n. */
int fl_loader_scope(fl_loader *ld, const xmlNode *n, fl_scope_spec *out, fl_error *err);
int fl_loader_severity(fl_loader *ld, const xmlNode *n, const char *attr, int *out, fl_error *err);
/* Fill err as "ruleset.xml:LINE: rule ID: message"; returns -1. */
int fl_loader_error(fl_error *err, fl_loader *ld, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
const char *fl_loader_data(fl_loader *ld, const char *name); /* data table path */
/* The data table declared as <data name="name" .../> in the ruleset, loaded
 * with load on first use and shared by every rule of the ruleset (and every
 * thread); free_fn frees it with the ruleset. A load error names the data
 * file and line. *out stays owned by the ruleset. */
typedef int (*fl_table_load_fn)(void **out, const char *path, fl_error *err);
typedef void (*fl_table_free_fn)(void *table);
int fl_loader_table(fl_loader *ld, const xmlNode *n, const char *name, fl_table_load_fn load,
                    fl_table_free_fn free_fn, void **out, fl_error *err);
/* The attributes since="YYYY-MM-DD" and until="YYYY-MM-DD" of n, both
 * optional (out left open): when a requirement is in force. Rules read them
 * on <rule>; kinds on each child that is a requirement of its own (an item
 * to mention, a table test, a comparison, a limit: rulesets/README.md lists
 * them), and skip it at run time unless fl_scan_in_force. */
int fl_loader_in_force(fl_loader *ld, const xmlNode *n, fl_in_force *out, fl_error *err);
/* "  （2019-11-01 起施行）" after a requirement's explain line; nothing when
 * it is undated. */
void fl_in_force_describe(const fl_in_force *f, FILE *out);
/* One line "范围：..." for explain. */
void fl_scope_describe(const fl_scope_spec *sc, FILE *out);
/* Element children of n, in order. */
const xmlNode *fl_xml_first(const xmlNode *n);
const xmlNode *fl_xml_next(const xmlNode *n);
bool fl_xml_named(const xmlNode *n, const char *name);

/* ---- running (engine.c) -------------------------------------------------- */
typedef struct fl_scope {
    bool found;          /* whole document, or at least one section matched */
    int heading;         /* block of the first matched section's heading, -1 whole doc */
    const int *blocks;   /* block indexes in reading order */
    size_t nblocks;
} fl_scope;

typedef struct fl_var { const char *name, *value; } fl_var;
#define FL_MAX_VARS 8

typedef struct fl_hit {
    int block;           /* -1: about the document as a whole (line 1, no section) */
    bool span;           /* [start, end) are normalised byte offsets in the block */
    size_t start, end;
    const char *item;    /* mention item, also the {item} placeholder */
    int severity;        /* -1: the rule's */
    /* A message of the kind's own for this finding (an item's, a missing
     * section's), checked at load time with fl_loader_message; NULL: the
     * rule's. message_en goes with it (NULL: none). */
    const char *message, *message_en;
    fl_var vars[FL_MAX_VARS];
    size_t nvars;
    /* > block: the finding ends in that block, before original code-point
     * column end_col (a passage over several paragraphs); 0 = in block. */
    int end_block, end_col;
    /* Another file the finding points at, and its line (fl_finding). */
    const char *related_path;
    int related_line;
} fl_hit;

const fl_doc *fl_scan_doc(const fl_scan *s);
struct fl_lint_opts; /* engine.h */
const struct fl_lint_opts *fl_scan_opts(const fl_scan *s);
/* The date the document is judged at (--as-of, else the filing's date, else
 * today), computed once per document. */
const fl_judging *fl_scan_judging(const fl_scan *s);
/* Is a requirement with these dates in force on the judging date (with the
 * precision rule of fl_in_force_on)? */
bool fl_scan_in_force(const fl_scan *s, const fl_in_force *f);
/* The filing's own date (doc->filing_date: a fact inside the document, what
 * its other dates must not be later than), else --as-of; false when neither.
 * *shown: the date as typed, or --as-of in ISO form (scan arena). Unlike the
 * judging date, --as-of does not override a date the filing states. */
bool fl_scan_own_date(fl_scan *s, fl_date *out, const char **shown);
const char *fl_scan_doc_type(const fl_scan *s);
fl_arena *fl_scan_arena(fl_scan *s); /* scratch of the rule running, emptied after it */
/* A slot for what kind k keeps from one document to the next (an open
 * database): it lives as long as the linter running the scan, and a linter
 * is one worker thread's, so the state is never shared between threads.
 * NULL the first time; drop frees it with the linter. */
void **fl_scan_kind_state(fl_scan *s, const fl_kind *k, void (*drop)(void *));
/* Normalised text of a block, computed once per document. */
const fl_norm *fl_scan_norm(fl_scan *s, int block);
/* The original text behind [a, e) of a block's normalised text, as the
 * filing typed it (scan arena): what a finding quotes. */
const char *fl_scan_typed(fl_scan *s, int block, size_t a, size_t e);
/* d as YYYY-MM-DD (scan arena). */
const char *fl_scan_iso(fl_scan *s, const fl_date *d);
/* Blocks of a scope, computed once per document and scope. */
const fl_scope *fl_scan_scope(fl_scan *s, const fl_scope_spec *spec);
/* Search block's normalised text in [from, to) (to = SIZE_MAX: to the end).
 * 1 found, 0 not, -1 a limit was hit: the rule is then marked failed and
 * should return (fl_scan_failed). */
int fl_scan_find(fl_scan *s, const fl_pattern *p, int block, size_t from, size_t to,
                 size_t *ms, size_t *me);
/* Where the attempt behind the last match fl_scan_find returned began (before
 * *ms when the pattern uses \K). */
size_t fl_scan_attempt(const fl_scan *s);
/* Match a heading's title, its numbering label ("三、", "（二）", "1.2",
 * "第一章") left out so that a pattern may anchor with ^. */
int fl_scan_heading(fl_scan *s, const fl_pattern *p, int block);
/* Does p match anywhere in str (e.g. a field value, normalised here)? */
int fl_scan_test(fl_scan *s, const fl_pattern *p, const char *str);
bool fl_scan_failed(const fl_scan *s);
/* The sentence of block holding normalised offset off: split at 。!?; and
 * line breaks. */
void fl_scan_sentence(fl_scan *s, int block, size_t off, size_t *start, size_t *end);
void fl_hit_var(fl_hit *h, const char *name, const char *value);
void fl_scan_emit(fl_scan *s, const fl_hit *h);
/* A tool error for this file (e.g. the corpus cannot be opened): reported
 * like a rule that failed, exit 2; the rule's findings are kept. */
void fl_scan_error(fl_scan *s, const fl_error *err);
#endif
