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
 * full-width digits too; the zero of a Chinese year also as ○ 零 O o 0
 * (二O一三年, 二0一六年); digits one space apart as PDF copies give them
 * (2 0 2 1 年 5 月, 二 〇 一 九 年). Returns bytes consumed, 0 if no date
 * starts here. */
size_t fl_date_parse(fl_date *out, const char *s, size_t len);
/* Find the first date in s[0..len); sets *start and returns bytes of the date,
 * 0 if none. */
size_t fl_date_find(fl_date *out, const char *s, size_t len, size_t *start);
/* Find the first date form left blank: "年 月 日", "201 年 月 日",
 * "20  年  月", "2024年  月  日", "xxxx年xx月", "*年*月*日" (the month at
 * least must be blank). Sets *start and returns its length, 0 if none;
 * *year is the year when it is written out in full (2024年  月), else 0. */
size_t fl_date_find_blank(const char *s, size_t len, size_t *start, int *year);
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
