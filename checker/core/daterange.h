/* Dates and date ranges as filings type them in running text, read from
 * normalised text (all dashes are '-', full-width ASCII folded):
 *
 *   2024年3月1日至2024年3月14日     both full
 *   2024年4月20日至6月10日          the end's year carried from the start
 *   2024年4月20日至25日             year and month carried
 *   12月28日至1月10日               (year carried from an earlier date) the
 *                                   end rolls into the next year
 *   2024-03-01~2024-03-14, 3月1日—3月14日, 2024.4.20到2024.5.6
 *
 * Shared by the publicity periods (EIA402–EIA406) and the monitoring dates
 * of not-after (EIA202): a period is judged by its end, a publicity period
 * counted from its start to its end. */
#ifndef FL_DATERANGE_H
#define FL_DATERANGE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"

typedef struct fl_drange {
    fl_date from, to;  /* to == from without an end */
    size_t s, e;       /* bytes of the first date */
    size_t s2, e2;     /* bytes of the end date; == s, e without one */
    bool has_end;      /* a connector and a second date follow */
    bool range;        /* both ends to the day: a countable period */
} fl_drange;

/* The date (and the range it opens) starting at byte i of t[0..len). carry
 * is the date read before it in the same sentence (for "3月1日" without a
 * year), or NULL. Returns the offset after what was read, 0 when no date
 * starts at i (or i is inside a word or number: "A2024…", "3.2024"). */
size_t fl_drange_at(fl_drange *out, const char *t, size_t len, size_t i, const fl_date *carry);

/* Only the end: a range connector (至, 到, -, ~, 〜, 起至 …) at byte i
 * followed by a date, read with year and month carried from `start`.
 * Returns the offset after the end date, 0 when there is none; *end and its
 * bytes [*s, return) are filled then. */
size_t fl_drange_end(const char *t, size_t len, size_t i, const fl_date *start, fl_date *end, size_t *s);
#endif
