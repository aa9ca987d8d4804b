/* Dates as filings write them, and calendar arithmetic. */
#ifndef FL_DATE_H
#define FL_DATE_H
#include <stdbool.h>
#include <stddef.h>

typedef struct fl_date {
    int y, m, d; /* m == 0: year only; d == 0: month only */
} fl_date;

/* Parse a date starting exactly at s: 2024年5月8日, 2024年5月, 二〇二三年九月,
 * 二〇二三年九月十日, 2024-05-08, 2024-5, 2024.5.8, 2024/5/8, 2024年05月08日,
 * full-width digits too. Returns bytes consumed, 0 if no date starts here. */
size_t fl_date_parse(fl_date *out, const char *s, size_t len);
/* Find the first date in s[0..len); sets *start and returns bytes of the date,
 * 0 if none. */
size_t fl_date_find(fl_date *out, const char *s, size_t len, size_t *start);
bool fl_date_valid(const fl_date *d);
/* Compare at the coarser precision of the two (2024-05 vs 2024-05-20 -> 0). */
int fl_date_cmp(const fl_date *a, const fl_date *b);
int fl_date_iso_parse(fl_date *out, const char *iso); /* "YYYY-MM-DD" -> 0 / -1 */
void fl_date_format(const fl_date *d, char out[11]); /* YYYY-MM-DD / YYYY-MM / YYYY */
long fl_date_days(const fl_date *d);       /* days since 1970-01-01 (d must be full) */
void fl_date_from_days(fl_date *d, long days);
int fl_date_weekday(const fl_date *d);     /* 0 = Monday .. 6 = Sunday */
void fl_date_today(fl_date *d);
#endif
