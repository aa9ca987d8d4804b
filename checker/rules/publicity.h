/* Kind `publicity` (kind_publicity.c) and the reading of the public
 * participation record it checks (pprecord.c): the compiled element, and
 * the record as sentences with their channels and dated items. */
#ifndef FL_PUBLICITY_H
#define FL_PUBLICITY_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "data/calendar.h"
#include "rules/kind.h"
#include <string.h>

static inline bool fl_pub_is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
static inline bool fl_pub_starts_with(const char *t, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && !memcmp(t, lit, n);
}

typedef enum { P_PERIOD, P_CHANNELS, P_COMMISSION, P_SAME_START, P_RESPONDENTS, P_PERSONAL, P_TIMELINE,
               P_NCHECKS } fl_pub_check;

enum { CH_NETWORK, CH_NEWSPAPER, CH_POSTING, CH_N };

enum { COL_NAME, COL_PHONE, COL_ID, COL_N };

/* Messages other than the rule's own, by case. */
enum { CASE_UNKNOWN_YEAR, CASE_STATED, CASE_NEWSPAPER, CASE_CHECK_DIGIT, CASE_SIMPLIFIED, CASE_TEXT, CASE_MEETING,
       CASE_MINUTES, CASE_NOT_AFTER, CASE_OWN_DATE, CASE_N };

typedef struct fl_pub_channel { const char *name; const fl_pattern *p; } fl_pub_channel;

typedef struct fl_pub_k {
    fl_pub_check check;
    int limit;                    /* period: min days; commission: max days; channels: newspaper runs */
    fl_scope_spec scope;
    const char **whole; size_t nwhole; /* doc types read as a whole */
    const fl_pattern *stage, *other_stage, *unless;
    const fl_pattern *days, *times;
    const fl_pattern *commission, *first;
    /* timeline (pptimeline.c): the publication before submission (报批前),
     * the 座谈会 / 专家论证会 and its notice and minutes */
    const fl_pattern *final, *meeting, *announce, *minutes;
    fl_pub_channel ch[CH_N];
    const fl_pattern *col[COL_N];
    /* The 园区 simplification claimed (publicity_park.c): the period's
     * minimum becomes simplified_min, posting and the first publicity are
     * not required. */
    const fl_pattern *simplified;
    int simplified_min;
    struct { const char *msg, *msg_en; } cases[CASE_N];
    const fl_calendar *cal;
} fl_pub_k;

typedef struct fl_pub_item {
    fl_date d;
    size_t s, e;      /* normalised offsets in the block */
    int pair;         /* index of the range's end item, -1 */
    bool is_end;      /* the end of a range */
    unsigned roles;   /* channels of its clause (else its sentence) */
    unsigned sroles;  /* channels of its sentence */
} fl_pub_item;

typedef struct fl_pub_sent {
    int block;
    size_t a, e;
    unsigned roles;
    bool stage, other;
    size_t first, n;  /* its items */
} fl_pub_sent;

typedef struct fl_pub_text {
    fl_pub_sent *s; size_t ns, cap_s;
    fl_pub_item *it; size_t ni, cap_i;
    int heading;      /* where a missing thing is reported, -1 line 1 */
    bool staged;
    bool any;         /* the region exists at all */
} fl_pub_text;

bool fl_pub_whole_type(const fl_pub_k *k, const char *type);
bool fl_pub_has(fl_scan *s, const fl_pattern *p, int b, size_t a, size_t e);
void fl_pub_build_text(fl_scan *s, const fl_pub_k *k, bool staged, fl_pub_text *x);
void fl_pub_text_free(fl_pub_text *x);
bool fl_pub_about_stage(const fl_pub_text *x);
bool fl_pub_excused(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x);
/* The block of item i, -1 if none. */
int fl_pub_item_block(const fl_pub_text *x, size_t i);
/* The steps of the procedure in order (pptimeline.c): x is the whole region
 * read with every sentence (fl_pub_build_text, staged false). */
void fl_pub_run_timeline(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, bool simple);
#endif
