/* Working days of the official calendar: Monday–Friday, less the public
 * holidays, plus the make-up working days (调休上班) of the State Council
 * notices in rulesets/data/holidays.xml. Used for the 公众参与办法 periods
 * (EIA402 "不少于10个工作日", EIA404 "7个工作日内").
 *
 * A day is known when the table holds the notice of its year — and, for
 * 25–31 December, the next year's notice too, since a 元旦 arrangement can
 * move those days (2018-12-29 was worked under the 2019 notice). For an
 * unknown day the answers fall back to Monday–Friday and *known is set false,
 * so the caller can say "year not in the table" instead of guessing.
 *
 * Ownership: fl_calendar_new copies what it needs; the holidays table may be
 * freed afterwards. The calendar is read-only and may be shared by threads. */
#ifndef FL_CALENDAR_H
#define FL_CALENDAR_H
#include <stdbool.h>
#include "data/tables.h"
#include "core/date.h"

typedef struct fl_calendar fl_calendar;

fl_calendar *fl_calendar_new(const fl_holidays *h); /* h may be NULL: nothing known */
void fl_calendar_free(fl_calendar *c);              /* NULL-safe */

/* Does the table hold the notice for this year? */
bool fl_calendar_covers_year(const fl_calendar *c, int year);
/* Is every day of [first, last] known (see above)? */
bool fl_calendar_covers(const fl_calendar *c, const fl_date *first, const fl_date *last);

/* d must be a full date. known may be NULL. */
bool fl_calendar_is_workday(const fl_calendar *c, const fl_date *d, bool *known);

/* Working days from first to last, both included — the way the 公众参与办法
 * counts a publicity period: 2025-02-07 to 2025-02-19 is 10 (2025-02-08, a
 * Saturday, was worked). 0 when last is before first. known may be NULL. */
long fl_calendar_count(const fl_calendar *c, const fl_date *first, const fl_date *last, bool *known);

/* The n-th working day after start, start itself not counted (n > 0), or
 * before it (n < 0); n == 0 gives start. "Within 7 working days after
 * commissioning" ends on fl_calendar_add(c, &out, &commissioned, 7). Returns 0,
 * or -1 if |n| exceeds 100000 (out untouched). known may be NULL. */
int fl_calendar_add(const fl_calendar *c, fl_date *out, const fl_date *start, long n, bool *known);
#endif
