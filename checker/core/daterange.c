/* Dates and date ranges in running text (see daterange.h). */
#include "core/daterange.h"
#include <string.h>

static bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

static bool starts_with(const char *t, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && !memcmp(t, lit, n);
}

/* 1-2 digits then unit (月 or 日/号); returns the end, 0 if none. */
static size_t read_unit(const char *t, size_t len, size_t i, const char *unit, int *v)
{
    size_t j = i;
    *v = 0;
    while (j < len && j - i < 2 && is_ascii_digit(t[j])) *v = *v * 10 + (t[j++] - '0');
    if (j == i || (j < len && is_ascii_digit(t[j]))) return 0;
    if (j < len && t[j] == ' ') j++;
    if (starts_with(t + j, len - j, unit)) return j + strlen(unit);
    if (!strcmp(unit, "日") && starts_with(t + j, len - j, "号")) return j + 3;
    return 0;
}

/* M月D日 with the year carried from the date before. */
static size_t read_month_day(const char *t, size_t len, size_t i, const fl_date *carry, fl_date *out)
{
    int m, d;
    size_t j = read_unit(t, len, i, "月", &m);
    if (!j || !carry || !carry->y) return 0;
    if (j < len && t[j] == ' ') j++;
    size_t k = read_unit(t, len, j, "日", &d);
    if (!k) return 0;
    fl_date x = {carry->y, m, d};
    if (!fl_date_valid(&x) || !m || !d) return 0;
    *out = x;
    return k;
}

/* A date at i: full, else month-day, else (only right after a range
 * connector) a day alone. Returns its end, 0 if none. */
static size_t read_date(const char *t, size_t len, size_t i, const fl_date *carry, bool after_connector, fl_date *out,
                        bool *carried)
{
    fl_date d;
    size_t r = fl_date_parse(&d, t + i, len - i);
    *carried = false;
    if (r && d.m) {
        *out = d;
        return i + r;
    }
    if (r) return 0; /* a year alone is no date of a period */
    *carried = true;
    size_t e = read_month_day(t, len, i, carry, out);
    if (e) return e;
    int day;
    if (after_connector && carry && carry->m && (e = read_unit(t, len, i, "日", &day))) {
        fl_date x = {carry->y, carry->m, day};
        if (day && fl_date_valid(&x)) {
            *out = x;
            return e;
        }
    }
    return 0;
}

/* Offset after a range connector at i, 0 if none. A doubled dash ("——"
 * normalised to "--") is one connector. */
static size_t connector(const char *t, size_t len, size_t i)
{
    static const char *const words[] = {"起至", "起到", "起-", "起~", "至", "到", "--", "-", "~", "〜", NULL};
    while (i < len && t[i] == ' ') i++;
    for (const char *const *w = words; *w; w++)
        if (starts_with(t + i, len - i, *w)) {
            size_t j = i + strlen(*w);
            while (j < len && t[j] == ' ') j++;
            return j;
        }
    return 0;
}

/* A date cannot start inside a number or a code ("A2024", "3.2024"). */
static bool blocks_start(const char *t, size_t i)
{
    if (!i) return false;
    char p = t[i - 1];
    return is_ascii_digit(p) || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || p == '.' || p == '/' || p == '-';
}

size_t fl_drange_end(const char *t, size_t len, size_t i, const fl_date *start, fl_date *end, size_t *s)
{
    size_t q = connector(t, len, i);
    if (!q) return 0;
    bool carried;
    fl_date d2;
    size_t e2 = read_date(t, len, q, start, true, &d2, &carried);
    if (!e2) return 0;
    if (carried && fl_date_cmp(&d2, start) < 0 && d2.m < start->m) d2.y++; /* 12月28日至1月10日 */
    *end = d2;
    *s = q;
    return e2;
}

size_t fl_drange_at(fl_drange *out, const char *t, size_t len, size_t i, const fl_date *carry)
{
    if (i >= len) return 0;
    unsigned char c = (unsigned char)t[i];
    if (!(is_ascii_digit((char)c) || c >= 0x80) || blocks_start(t, i)) return 0;
    bool carried;
    fl_date d;
    size_t e = read_date(t, len, i, carry, false, &d, &carried);
    if (!e) return 0;
    memset(out, 0, sizeof *out);
    out->from = out->to = d;
    out->s = out->s2 = i;
    out->e = out->e2 = e;
    size_t s2, e2 = fl_drange_end(t, len, e, &d, &out->to, &s2);
    if (!e2) return e;
    out->has_end = true;
    out->s2 = s2;
    out->e2 = e2;
    out->range = out->from.d && out->to.d; /* month-only periods cannot be counted */
    return e2;
}
