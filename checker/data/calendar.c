/* Working-day arithmetic over the official holiday table. Only the days that
 * change the Monday–Friday rule are kept — weekdays off and weekend days
 * worked — as sorted day numbers, so counting a period is the weekday count
 * minus two binary-searched ranges, whatever its length. */
#include "data/calendar.h"
#include "core/arena.h"
#include <stdlib.h>

#define MAX_STEP 100000L

struct fl_calendar {
    int *years;   /* years whose notice the table holds, ascending */
    size_t nyears;
    long *off;    /* weekdays that are holidays */
    size_t noff;
    long *work;   /* Saturdays and Sundays that are working days */
    size_t nwork;
};

static int weekday_of(long days) /* 0 = Monday; 1970-01-01 was a Thursday */
{
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

static size_t sort_unique(long *v, size_t n)
{
    if (!n) return 0;
    qsort(v, n, sizeof *v, cmp_long);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[k - 1]) v[k++] = v[i];
    return k;
}

static void push(long **v, size_t *n, size_t *cap, long day)
{
    FL_VEC_RESERVE(*v, *cap, *n + 1);
    (*v)[(*n)++] = day;
}

static void add_year(fl_calendar *c, const fl_holiday_year *y, size_t *cap_off, size_t *cap_work)
{
    for (size_t i = 0; i < y->noff; i++) {
        long a = fl_date_days(&y->off[i].from), b = fl_date_days(&y->off[i].to);
        for (long d = a; d <= b; d++)
            if (weekday_of(d) < 5) push(&c->off, &c->noff, cap_off, d);
    }
    for (size_t i = 0; i < y->nwork; i++) {
        long d = fl_date_days(&y->work[i].date);
        if (weekday_of(d) >= 5) push(&c->work, &c->nwork, cap_work, d);
    }
}

fl_calendar *fl_calendar_new(const fl_holidays *h)
{
    fl_calendar *c = fl_xcalloc(1, sizeof *c);
    if (!h) return c;
    size_t cap_off = 0, cap_work = 0;
    c->years = fl_xcalloc(h->nyears + 1, sizeof *c->years);
    for (size_t i = 0; i < h->nyears; i++) {
        c->years[c->nyears++] = h->years[i].year;
        add_year(c, &h->years[i], &cap_off, &cap_work);
    }
    c->noff = sort_unique(c->off, c->noff);
    c->nwork = sort_unique(c->work, c->nwork);
    return c;
}

void fl_calendar_free(fl_calendar *c)
{
    if (!c) return;
    free(c->years);
    free(c->off);
    free(c->work);
    free(c);
}

bool fl_calendar_covers_year(const fl_calendar *c, int year)
{
    size_t lo = 0, hi = c->nyears;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->years[mid] < year) lo = mid + 1;
        else hi = mid;
    }
    return lo < c->nyears && c->years[lo] == year;
}

bool fl_calendar_covers(const fl_calendar *c, const fl_date *first, const fl_date *last)
{
    if (fl_date_days(last) < fl_date_days(first)) {
        const fl_date *t = first;
        first = last;
        last = t;
    }
    for (int y = first->y; y <= last->y; y++)
        if (!fl_calendar_covers_year(c, y)) return false;
    /* the next year's 元旦 arrangement can move the last days of December */
    if (last->m == 12 && last->d >= 25 && !fl_calendar_covers_year(c, last->y + 1)) return false;
    return true;
}

/* Number of entries of v[0..n) within [a, b]. */
static size_t count_between(const long *v, size_t n, long a, long b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < a) lo = mid + 1;
        else hi = mid;
    }
    size_t start = lo;
    hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] <= b) lo = mid + 1;
        else hi = mid;
    }
    return lo - start;
}

static long weekdays_between(long a, long b)
{
    long n = b - a + 1, count = n / 7 * 5;
    int w = weekday_of(a);
    for (long k = 0; k < n % 7; k++)
        if ((w + k) % 7 < 5) count++;
    return count;
}

static bool workday_n(const fl_calendar *c, long d)
{
    if (weekday_of(d) < 5) return count_between(c->off, c->noff, d, d) == 0;
    return count_between(c->work, c->nwork, d, d) != 0;
}

bool fl_calendar_is_workday(const fl_calendar *c, const fl_date *d, bool *known)
{
    if (known) *known = fl_calendar_covers(c, d, d);
    return workday_n(c, fl_date_days(d));
}

long fl_calendar_count(const fl_calendar *c, const fl_date *first, const fl_date *last, bool *known)
{
    long a = fl_date_days(first), b = fl_date_days(last);
    if (known) *known = fl_calendar_covers(c, first, last);
    if (b < a) return 0;
    return weekdays_between(a, b) - (long)count_between(c->off, c->noff, a, b) +
           (long)count_between(c->work, c->nwork, a, b);
}

int fl_calendar_add(const fl_calendar *c, fl_date *out, const fl_date *start, long n, bool *known)
{
    if (n > MAX_STEP || n < -MAX_STEP) return -1;
    fl_date from = *start; /* out may be start */
    long d = fl_date_days(&from), dir = n < 0 ? -1 : 1;
    for (long left = labs(n); left > 0;) {
        d += dir;
        if (workday_n(c, d)) left--;
    }
    fl_date_from_days(out, d);
    if (known) *known = fl_calendar_covers(c, &from, out);
    return 0;
}
