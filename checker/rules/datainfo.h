/* What the data tables behind a set of rules are: for `filinglint data` and
 * the head of the HTML report, which record how old the facts a run judged
 * by were. Each table a loaded ruleset declares (<data name file>) is listed
 * once per file, with the rulesets that use it, read again with the loaders
 * of data/tables.h (a table is small: places.xml, the largest, reads in a
 * few milliseconds) and summed up as facts — dates and counts — that each
 * caller words in its own language.
 *
 * Ownership: the list and every string in it live in the arena passed in. */
#ifndef FL_DATAINFO_H
#define FL_DATAINFO_H
#include <stddef.h>
#include "core/arena.h"
#include "core/date.h"
#include "rules/ruleset.h"

typedef enum fl_data_kind {
    FL_DATA_UNKNOWN, FL_DATA_STANDARDS, FL_DATA_PLACES, FL_DATA_HOLIDAYS, FL_DATA_INSTRUMENTS,
    FL_DATA_MULU
} fl_data_kind;

typedef struct fl_data_info {
    const char *name;        /* as declared: "holidays" */
    const char *path;
    const char *rulesets;    /* ids of the rulesets declaring it, ", "-separated */
    fl_data_kind kind;       /* from the file's root element */
    const char *error;       /* why it could not be read (one line); NULL when read */
    /* as_of: what the table is as of — places: the date of its divisions
     * (as-of); holidays: the day the newest notice was issued; standards:
     * the latest date any row records (issued, effective, replaced-from),
     * the table stating none of its own; instruments: the latest cutoff
     * (from); mulu: the day its edition took effect. y == 0: unknown. */
    fl_date as_of;
    const char *source;      /* places: the dataset; holidays: the newest notice's number or title;
                                mulu: the edition's 令号; else NULL */
    size_t entries;          /* standards, divisions (current), years */
    /* standards: current, superseded, abolished; instruments: current,
     * replaced, repealed; mulu: items with tests, verified, partly
     * verified, from memory (conf V, P, M); places: provinces,
     * prefectures, counties, former divisions; holidays: the first and the
     * last year covered (a judging date after the last is past the table). */
    size_t count[4];
} fl_data_info;

/* The tables of every ruleset in rules, in load order. Returns the count. */
size_t fl_data_info_collect(const fl_rules *rules, fl_arena *a, fl_data_info **out);
/* "holidays" → "法定节假日安排"; the table's own name when unknown. */
const char *fl_data_kind_label(const fl_data_info *d);
#endif
