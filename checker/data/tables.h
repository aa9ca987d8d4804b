/* The data tables under rulesets/data/ loaded into C structs: standards.xml
 * (STD001, STD002), places.xml (EIA302, EIA304) and holidays.xml (EIA402,
 * EIA404, via data/calendar.h). Each file is parsed safely (core/xmlsafe.h)
 * and validated against rulesets/schema/data.rng before it is read; any
 * problem is an fl_error naming the file and line (FL_E_RULESET, exit 3,
 * because the tables are part of the shipped rulesets).
 *
 * The schema is looked up as <table dir>/../schema/data.rng, then
 * <table dir>/data.rng, then $FILINGLINT_RULESETS/schema/data.rng.
 *
 * Ownership: each loader returns an object that owns every string and array
 * reachable from it (one arena); free it with the matching *_free (NULL-safe).
 * Loaded tables are read-only and may be shared by threads. */
#ifndef FL_TABLES_H
#define FL_TABLES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/acmatch.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/error.h"

/* ---- standards.xml ---------------------------------------------------- */

typedef enum fl_std_status { FL_STD_CURRENT, FL_STD_SUPERSEDED, FL_STD_ABOLISHED } fl_std_status;

typedef struct fl_standard {
    const char *code;        /* as officially written: "GB/T 14848-93" */
    const char *key;         /* lookup key: "GB 14848-1993" (see fl_standard_key) */
    const char *title;
    const char **alt;        /* other titles it is cited under */
    size_t nalt;
    fl_std_status status;
    const char *replaced_by; /* code, NULL if none */
    fl_date replaced_from;   /* citing it is wrong from this day; y == 0 if current */
    fl_date issued, effective; /* y == 0 when the table does not say */
    char conf;               /* 'V', 'P' or 'M' (confidence: rulesets/data/README.md) */
    const char *source, *note;
    int line;                /* in standards.xml */
} fl_standard;

typedef struct fl_standards {
    fl_arena arena;
    const char *path;
    fl_standard *items;      /* in file order */
    size_t n;
    const fl_standard **by_key; /* sorted by key */
} fl_standards;

int fl_standards_load(fl_standards **out, const char *path, fl_error *err);
void fl_standards_free(fl_standards *t);
/* Normalise a standard code however it is typed — "GB3095-1996",
 * "ＧＢ３０９５－１９９６", "GB 3095—1996", "GB/T14848-93", "HJ/T 2.3-93" — to
 * the lookup key: letters upper-cased, the /T or /Z part dropped (filings mix
 * HJ and HJ/T), one space, the number, '-', a four-digit year (two digits are
 * 19xx). Without a year the key ends after the number. Writes into out
 * (NUL-terminated) and returns its length, or 0 if s is not a standard code. */
size_t fl_standard_key(char *out, size_t cap, const char *s, size_t len);
/* The standard a cited code names, NULL if the table lacks it. */
const fl_standard *fl_standards_find(const fl_standards *t, const char *code, size_t len);
/* A code cited without year ("GB 3838"): the current edition, else the latest. */
const fl_standard *fl_standards_find_base(const fl_standards *t, const char *code, size_t len);
/* What replaces s on the given day: follows replaced_by while each step is in
 * force by then (HJ/T 2.1-93 in 2020 -> HJ 2.1-2016). NULL if s was not yet
 * superseded on that day (or as_of is NULL and s is current). */
const fl_standard *fl_standards_successor(const fl_standards *t, const fl_standard *s, const fl_date *as_of);

/* ---- places.xml -------------------------------------------------------- */

typedef enum fl_place_level {
    FL_PLACE_PROVINCE = 1, FL_PLACE_PREFECTURE = 2, FL_PLACE_COUNTY = 3
} fl_place_level;

typedef struct fl_place {
    uint32_t code;           /* GB/T 2260: 320505 */
    const char *name;        /* 虎丘区 */
    const char *short_name;  /* 虎丘; NULL if the name has no safe short form */
    const char *alias;       /* another form (阿坝 for 阿坝藏族羌族自治州), or NULL */
    fl_place_level level;
    bool short_is_word;      /* short name is also an everyday word (朝阳, 东方) */
    bool former;             /* abolished or renamed; see now / since */
    int32_t parent;          /* index in items, -1 for a province (and for former) */
    int32_t province;        /* index of its province (itself for a province) */
    int32_t now;             /* former only: index of the division that took over, or -1 */
    int since;               /* former only: year of the change */
    char conf;               /* former only: 'V', 'P' or 'M' */
    const char *note;        /* former only */
} fl_place;

typedef enum fl_name_kind { FL_NAME_FULL = 1, FL_NAME_SHORT = 2, FL_NAME_ALIAS = 4 } fl_name_kind;

typedef struct fl_place_name {
    const char *text;
    size_t len;
    uint32_t place;          /* index in items */
    fl_name_kind kind;
} fl_place_name;

typedef struct fl_places {
    fl_arena arena;
    const char *path;
    const char *dataset;
    fl_date as_of;
    fl_place *items;         /* current divisions in file order, then former ones */
    size_t n, ncurrent;
    fl_place_name *names;    /* every full, short and alias name, sorted by text */
    size_t nnames;
    uint32_t *by_code;       /* indexes of current divisions sorted by code */
} fl_places;

int fl_places_load(fl_places **out, const char *path, fl_error *err);
void fl_places_free(fl_places *p);
/* The current division with this code, NULL if none (former codes: see
 * fl_places_former_by_code). */
const fl_place *fl_places_by_code(const fl_places *p, uint32_t code);
const fl_place *fl_places_former_by_code(const fl_places *p, uint32_t code);
/* A code that may be finer than the table (a development zone's 320571):
 * the exact division, else its prefecture (3205xx -> 320500), else its
 * province. NULL if not even the province exists. */
const fl_place *fl_places_nearest(const fl_places *p, uint32_t code);
/* Names equal to text: their index range [*first, *first + return) in names[]. */
size_t fl_places_by_name(const fl_places *p, const char *text, size_t len, size_t *first);
const fl_place *fl_places_parent(const fl_places *p, const fl_place *pl); /* NULL for a province */
/* Is inner the same division as outer or inside it? */
bool fl_places_within(const fl_places *p, const fl_place *inner, const fl_place *outer);
/* An automaton over the names whose kind is in kinds (FL_NAME_* bits); a
 * match's id is the index in names[]. Short names flagged short_is_word are
 * left out unless words is true. Caller frees with fl_ac_free. */
fl_ac *fl_places_automaton(const fl_places *p, unsigned kinds, bool words);

/* ---- holidays.xml ------------------------------------------------------ */

typedef struct fl_holiday_off { fl_date from, to; const char *name; int line; } fl_holiday_off;
typedef struct fl_holiday_work { fl_date date; const char *name; int line; } fl_holiday_work;

typedef struct fl_holiday_year {
    int year;
    char conf;
    const char *notice, *number, *issued, *source, *note; /* number/note may be NULL */
    const char **amended;    /* titles of amending notices folded in */
    size_t namended;
    fl_holiday_off *off;
    size_t noff;
    fl_holiday_work *work;
    size_t nwork;
    int line;
} fl_holiday_year;

typedef struct fl_holidays {
    fl_arena arena;
    const char *path;
    fl_holiday_year *years;  /* ascending by year */
    size_t nyears;
} fl_holidays;

/* Also rejects a table where a year appears twice, a range runs backwards,
 * or a day is both off and worked. */
int fl_holidays_load(fl_holidays **out, const char *path, fl_error *err);
void fl_holidays_free(fl_holidays *h);
const fl_holiday_year *fl_holidays_year(const fl_holidays *h, int year); /* NULL if absent */
#endif
