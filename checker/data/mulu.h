/* The 名录 table (rulesets/data/mulu.xml, schema rulesets/schema/mulu.rng):
 * rows of the 建设项目环境影响评价分类管理名录 — item, 项目类别 (GB/T 4754
 * classes), the 报告书 / 报告表 / 登记表 columns as the 名录 words them, and
 * the 报告书 criteria a program can decide from a filing's text (tests).
 * Used by the kind `mulu` (EIA108).
 *
 * A filing's 建设项目行业类别 is matched to items by class names in key form
 * (fl_instrument_key: Han characters, ASCII letters and digits only), never by
 * the item number alone: filings write the number in many ways (44. 44、 044-
 * 三十五(77)) and sometimes the 2017 名录's number, while the class names are
 * the same in both.
 *
 * Ownership: fl_mulu_load returns an object owning everything reachable from
 * it (one arena); free it with fl_mulu_free (NULL-safe). Loaded tables are
 * read-only and may be shared by threads. */
#ifndef FL_DATA_MULU_H
#define FL_DATA_MULU_H
#include <stdbool.h>
#include <stddef.h>
#include "core/arena.h"
#include "core/date.h"
#include "core/error.h"
#include "core/quantity.h"

typedef enum fl_mulu_test_kind {
    FL_MULU_TEXT,   /* the text states a fact (match) */
    FL_MULU_AMOUNT, /* a quantity with a unit after match reaches a threshold */
    FL_MULU_COUNT,  /* a count of 张, 头 after match reaches a threshold */
    FL_MULU_ALL     /* every project of the item */
} fl_mulu_test_kind;

typedef struct fl_mulu_test {
    fl_mulu_test_kind kind;
    size_t index;          /* in the table's order over all items: a kind's arrays use it */
    const char *say;       /* the criterion in the 名录's words */
    const char *match;     /* pattern source (rule pattern syntax); NULL for ALL */
    const char *unless;    /* pattern source, NULL when none */
    bool new_only;         /* scales: a 新建 project only */
    /* AMOUNT: the threshold as a quantity (its dim and base); strict: over */
    fl_quantity min;
    bool strict;
    /* COUNT: the unit word and the threshold */
    const char *unit;
    double count_min;
    int line;
} fl_mulu_test;

typedef struct fl_mulu_class {
    const char *name, *code; /* code NULL when the 名录 gives none */
    const char *key;         /* key form of name */
    size_t keylen;
} fl_mulu_class;

typedef struct fl_mulu_item {
    const char *chapter_no, *chapter_name, *chapter_code; /* code may be NULL */
    const char *no;
    const char *display;     /* "44 基础化学原料制造261；…", for messages */
    fl_mulu_class *classes;
    size_t nclasses;
    const char *book, *form, *reg, *sensitive; /* sensitive NULL when none */
    fl_mulu_test *tests;
    size_t ntests;
    char conf;               /* 'V', 'P' or 'M' */
    const char *source, *note;
    int line;
} fl_mulu_item;

typedef struct fl_mulu_chapter_key { const char *key; size_t len; } fl_mulu_chapter_key;

typedef struct fl_mulu {
    fl_arena arena;
    const char *path;
    const char *title, *edition, *source;
    fl_date from;            /* the edition is in force from this day */
    const char *sensitive[3]; /* 第三条 （一）（二）（三） */
    fl_mulu_item *items;     /* in file order */
    size_t n;
    size_t ntests;           /* over all items */
    fl_mulu_chapter_key *chapters; /* key forms of the chapter names */
    size_t nchapters;
} fl_mulu;

/* Load and validate. Besides the schema: a class under two items, a class
 * name that reduces to nothing, an item number twice, a threshold that is
 * not a quantity with a unit. Errors name the file and line (FL_E_RULESET). */
int fl_mulu_load(fl_mulu **out, const char *path, fl_error *err);
void fl_mulu_free(fl_mulu *t);

/* The items a 建设项目行业类别 value names, in table order, at most max into
 * out; returns how many. A class counts when its key form stands in the
 * value's key form outside the chapter names written there. */
size_t fl_mulu_lookup(const fl_mulu *t, const char *value, const fl_mulu_item **out, size_t max);
#endif
