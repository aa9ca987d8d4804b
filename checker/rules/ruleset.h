/* Rulesets: the XML files under rulesets/ loaded into rules with compiled
 * patterns. A run loads its rulesets once into an fl_rules set, which is then
 * read-only and may be shared by any number of linting threads.
 *
 * Ownership: fl_rules owns its rulesets; a ruleset owns (in its arena) its
 * rules, strings, examples and patterns, and frees the PCRE2 codes. */
#ifndef FL_RULESET_H
#define FL_RULESET_H
#include <stdbool.h>
#include "model/doctypes.h"
#include <stddef.h>
#include "core/arena.h"
#include "core/error.h"
#include "doc/doc.h"
#include "rules/pattern.h"

typedef enum fl_severity { FL_SEV_INFO = 0, FL_SEV_WARNING = 1, FL_SEV_ERROR = 2 } fl_severity;
const char *fl_severity_name(fl_severity s);            /* "error" ... */
int fl_severity_parse(const char *s, fl_severity *out); /* 0 / -1 */

/* Rulesets may only name the document types of model/doctypes.h. */

/* Which blocks a rule looks at: sections whose heading matches `heading`
 * (with their subsections), less sections whose heading matches `exclude`,
 * limited to `parts`. heading == NULL means the whole document. */
typedef struct fl_scope_spec {
    const fl_pattern *heading;
    const fl_pattern *exclude;
    unsigned parts; /* bit (1u << fl_part) */
    int level;      /* only sections of this level, 0 any */
} fl_scope_spec;

/* A rule runs only when its conditions hold: field `field` exists and its
 * value matches (when it is missing, the rule runs only if run_if_missing). */
typedef struct fl_cond {
    const char *field; /* normalised label */
    const fl_pattern *matches;
    bool run_if_missing;
} fl_cond;

typedef struct fl_sev_override { const char *doc_type; fl_severity severity; } fl_sev_override;

/* When a rule, one of its requirements or a basis is in force: `since` is
 * the first day in force, `until` the first day no longer in force (the day
 * the replacing text takes effect); y == 0 leaves that end open. */
typedef struct fl_in_force { fl_date since, until; } fl_in_force;
/* Is something with these dates in force on the judging date d? A date known
 * only to the month or the year stands for every day it may be: it is in
 * force only when each of those days is (its earliest possible day on or
 * after since, its latest before until). So a rule that cannot decide stays
 * silent. Open at both ends: always true. */
bool fl_in_force_on(const fl_in_force *f, const fl_date *d);
bool fl_in_force_dated(const fl_in_force *f); /* since or until given */
/* "2019-11-01 起施行", "2021-01-01 起不再适用", both joined by "，"; "" when
 * open at both ends. buf of at least 64 bytes. */
const char *fl_in_force_text(const fl_in_force *f, char *buf, size_t cap);

/* What kind of failing a finding is, in the categories of the instruments
 * (环环评〔2020〕48号, 生态环境部令第9号): 弄虚作假, 严重质量问题, 质量问题,
 * 程序 (a procedure not followed); none for tool hygiene (a suppression, a
 * tracked change left in) and wherever the ruleset says nothing. */
typedef enum fl_class {
    FL_CLASS_NONE, FL_CLASS_FRAUD, FL_CLASS_SERIOUS_QUALITY, FL_CLASS_QUALITY, FL_CLASS_PROCEDURE, FL_CLASS_COUNT
} fl_class;
const char *fl_class_name(fl_class c);  /* "none", "fraud", "serious-quality", "quality", "procedure" */
const char *fl_class_label(fl_class c); /* "", "弄虚作假"/"fraud", ...: in the language in force */
int fl_class_parse(const char *s, fl_class *out); /* 0 / -1 */

/* The legal basis a finding cites. A rule has one at rule level (the
 * ruleset's or rule's basis-doc with the rule's basis clause and class) and
 * may have dated ones (<basis> children): the finding cites the first of
 * those in force on the judging date for its document type, else the
 * rule-level one (fl_rule_basis). */
typedef struct fl_basis {
    const char *instrument; /* "环环评〔2020〕48号", "《…》（生态环境部令第9号）"; "" none */
    const char *article;    /* "一（四）", "第二十六条"; "" none */
    const char *text;       /* instrument and article on one line, "" when neither (JSON "basis") */
    fl_class cls;
    fl_in_force in_force;   /* <basis> only */
    const char **doc_types; size_t ndoc_types; /* <basis> only; none: every type */
    int line;               /* <basis>: its line in the ruleset; 0 for the rule level */
} fl_basis;
/* "环环评〔2020〕48号 一（四）（弄虚作假）": what follows 依据： in the text
 * report, HTML and the Word comments; "" when there is nothing to cite.
 * Written into buf (cleared first), which the result points into. */
struct fl_buf;
const char *fl_basis_line(struct fl_buf *buf, const fl_basis *b);

/* What an example adds to the document built from its text. */
typedef enum fl_mark_kind {
    FL_MARK_INS, FL_MARK_DEL, FL_MARK_MOVE_TO, FL_MARK_MOVE_FROM, /* = fl_rev_kind order */
    FL_MARK_COMMENT, FL_MARK_PLACEHOLDER
} fl_mark_kind;
typedef struct fl_mark {
    fl_mark_kind kind;
    int line;          /* line of the example text it is attached to */
    const char *author, *date, *text;
} fl_mark;
typedef struct fl_prop_pair { const char *name, *value; } fl_prop_pair;
/* Another filing of an example's corpus: name (its path) and Markdown text. */
typedef struct fl_example_other { const char *name, *text; } fl_example_other;

typedef struct fl_example {
    bool fail;           /* must trigger the rule */
    int line;            /* in the ruleset file */
    const char *text;    /* Markdown, dedented */
    const char *doc_type, *as_of; /* NULL: the rule's own type / none */
    int count;           /* fail: exact number of findings expected, 0 = at least one */
    const char *item;    /* fail: some finding must name this item */
    int at_line;         /* fail: some finding must be on this line, 0 = any */
    fl_prop_pair *props; size_t nprops;
    fl_mark *marks; size_t nmarks;
    fl_example_other *others; size_t nothers; /* indexed into a corpus for the run */
} fl_example;

struct fl_kind;
struct fl_ruleset;

typedef enum fl_ocr_guard { FL_OCR_JUDGE = 0, FL_OCR_WARN, FL_OCR_NOTE } fl_ocr_guard;
#define FL_OCR_TRUST 90 /* ocr-below unless a rule says otherwise */

typedef struct fl_rule {
    const char *id;
    fl_severity severity;
    const char *category;
    /* Rule level: basis-doc + basis ("环环评〔2020〕48号 一（四）", text "" when
     * none) and the rule's class. */
    fl_basis basis;
    fl_basis *bases; size_t nbases; /* dated <basis> children, in file order */
    fl_in_force in_force;    /* since / until: the engine skips the rule outside */
    const char *message;     /* Chinese, with {placeholders} */
    const char *message_en;  /* may be NULL */
    const char *summary;     /* one line for `rules`; defaults to the message */
    const char *description; /* longer text for `explain`, may be NULL */
    /* A doc type: the finding is void when a document of that type is linted
     * from the same folder (EIA401 and the 公众参与说明); copied into each
     * finding, the check command decides. NULL: findings stand alone. */
    const char *unless_sibling;
    const char **doc_types; size_t ndoc_types; /* none: the ruleset's applies-to */
    /* Forms of a 报告表 (model/form.h names) the rule stands down on once
     * the form had been replaced on the judging date: the rule that reports
     * the obsolete form (EIA107) speaks instead of scattered omissions. */
    const char **unless_forms; size_t nunless_forms;
    /* The OCR guard (ocr="warn|note"): a finding in a block OCR read with a
     * confidence below ocr_below is lowered to a warning, or to info, and
     * says so. For rules that judge exact characters (codes and their check
     * digits, names compared between places, numbers, dates), which a
     * misread 1/I/l or 0/O, a dropped or an invented character trips. */
    fl_ocr_guard ocr; int ocr_below;
    fl_sev_override *sev_overrides; size_t nsev_overrides;
    fl_cond *conds; size_t nconds;
    const struct fl_kind *kind;
    void *data;              /* the kind's compiled parameters */
    fl_example *examples; size_t nexamples;
    const struct fl_ruleset *ruleset;
    int line;                /* where the rule starts in its file */
    size_t index;            /* position in the fl_rules set */
} fl_rule;

/* A <data> table: its path, and once a kind has asked for it
 * (fl_loader_table) the loaded object, freed with the ruleset. */
typedef struct fl_data_ref {
    const char *name, *path;
    void *table;                  /* NULL until loaded */
    void (*free_table)(void *);
    const void *loaded_by;        /* the load function, so one name is one kind of table */
} fl_data_ref;

typedef struct fl_ruleset {
    fl_arena arena;
    const char *path;        /* as given, for messages */
    const char *id, *title, *basis_doc;
    const char **applies_to; size_t napplies; /* none: every document */
    fl_rule *rules; size_t nrules;
    fl_data_ref *data; size_t ndata;          /* data tables under rulesets/data/ */
    fl_pattern *patterns;    /* every compiled pattern, for freeing */
} fl_ruleset;

typedef struct fl_rules {
    fl_ruleset **sets; size_t nsets, cap_sets;
    const fl_rule **all; size_t nrules, cap_rules; /* load order; all[i]->index == i */
    void *schema;            /* xmlRelaxNGPtr, parsed on first load */
    char schema_dir[1024];   /* where the schema was found */
} fl_rules;

void fl_rules_init(fl_rules *set);
void fl_rules_free(fl_rules *set);
/* Load a ruleset file, or every *.xml directly inside a folder (sorted by
 * name). The error names the file and line: exit status 3. */
int fl_rules_load(fl_rules *set, const char *path, fl_error *err);
/* Load the shipped rulesets (fl_rulesets_dir). */
int fl_rules_load_default(fl_rules *set, fl_error *err);
/* What the commands do: the shipped rulesets unless defaults is false, then
 * each extra path (--ruleset). */
int fl_rules_load_all(fl_rules *set, bool defaults, char *const *paths, size_t npaths, fl_error *err);
const fl_rule *fl_rules_find(const fl_rules *set, const char *id);
/* Parse ruleset XML held in memory (fuzzing, tests); name is used in errors. */
int fl_rules_load_memory(fl_rules *set, const char *name, const char *xml, size_t len, fl_error *err);

/* Does the rule run on a document of this type (NULL = not recognised)? */
bool fl_rule_applies(const fl_rule *r, const char *doc_type);
/* The basis a finding of r cites on a document of this type (NULL = not
 * recognised) judged at date d: the first <basis> in force for the type,
 * else the rule level. Never NULL. */
const fl_basis *fl_rule_basis(const fl_rule *r, const char *doc_type, const fl_date *d);
/* The rule's severity for this document type. */
fl_severity fl_rule_severity(const fl_rule *r, const char *doc_type);
/* Data table path by name, NULL when the ruleset declares none. */
const char *fl_ruleset_data(const fl_ruleset *rs, const char *name);
/* Free the data tables kinds loaded (fl_loader_table); the arena stays. */
void fl_ruleset_free_tables(fl_ruleset *rs);

/* Where the shipped rulesets are: $FILINGLINT_RULESETS; the source tree when
 * the binary runs from its build folder; <exe dir>/../share/filinglint/rulesets;
 * the install prefix; the source tree. Writes the folder into buf and returns
 * it, or NULL when none exists. */
const char *fl_rulesets_dir(char *buf, size_t cap);
/* The first of those folders that holds the file rel ("schema/ruleset.rng"). */
const char *fl_rulesets_file(const char *rel, char *buf, size_t cap);
#endif
