/* Dates as filings write them (2024年5月8日, 二〇二三年九月, 2024.5.8,
 * 2024-05) and the calendar arithmetic the working-day rules need. Parsing
 * reads code points through fl_norm_cp, so full-width digits, full-width
 * separators and ideographic spaces need no separate cases. */
#include "core/date.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <string.h>
#include <time.h>

enum { YEAR_MIN = 1900, YEAR_MAX = 2100 };

#define CP_NIAN 0x5E74 /* 年 */
#define CP_YUE 0x6708  /* 月 */
#define CP_RI 0x65E5   /* 日 */
#define CP_HAO 0x53F7  /* 号 */
#define CP_SHI 0x5341  /* 十 */


static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

static int cn_digit(uint32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x25CB: case 0x96F6: return 0; /* 〇 ○ 零 */
    case 0x4E00: return 1; case 0x4E8C: return 2; case 0x4E09: return 3;
    case 0x56DB: return 4; case 0x4E94: return 5; case 0x516D: return 6;
    case 0x4E03: return 7; case 0x516B: return 8; case 0x4E5D: return 9;
    default: return -1;
    }
}

/* Spaces between the parts of 2024 年 5 月 8 日; dropped zero-width
 * characters (normalised to 0) are skipped the same way. */
static size_t skip_sp(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    size_t n;
    while ((n = fl_norm_next(s, len, i, &cp)) && (cp == ' ' || cp == 0)) i += n;
    return i;
}

/* Up to maxd digits at i; returns the end (i if none). *more is set when
 * another digit follows, i.e. the number is longer than allowed. */
static size_t read_num(const char *s, size_t len, size_t i, int maxd, int *val, bool *more)
{
    uint32_t cp;
    size_t n;
    int v = 0, k = 0;
    while (k < maxd && (n = fl_norm_next(s, len, i, &cp)) && is_digit(cp)) {
        v = v * 10 + (int)(cp - '0');
        i += n;
        k++;
    }
    *val = k == 0 ? -1 : v;
    *more = k == maxd && is_digit(fl_norm_peek(s, len, i));
    return i;
}

/* A Chinese month or day number: 五, 十, 十二, 二十, 三十一. */
static size_t read_cn_num(const char *s, size_t len, size_t i, int *val)
{
    uint32_t cp;
    size_t n = fl_norm_next(s, len, i, &cp);
    int d = n ? cn_digit(cp) : -1;
    if (d > 0) {
        i += n;
        *val = d;
        n = fl_norm_next(s, len, i, &cp);
        if (!n || cp != CP_SHI) return i;
        i += n;
        *val = d * 10;
    } else if (n && cp == CP_SHI) {
        i += n;
        *val = 10;
    } else {
        return i;
    }
    n = fl_norm_next(s, len, i, &cp);
    d = n ? cn_digit(cp) : -1;
    if (d > 0) { *val += d; i += n; }
    return i;
}

/* Month or day before 月 / 日: 1-2 Arabic digits or a Chinese number.
 * Returns the end, i if there is none or the digits run on. */
static size_t read_part(const char *s, size_t len, size_t i, int *val)
{
    bool more;
    size_t e = read_num(s, len, i, 2, val, &more);
    if (e > i) return more ? i : e;
    return read_cn_num(s, len, i, val);
}

/* Exactly four digits. */
static size_t read_arabic_year(const char *s, size_t len, size_t i, int *y)
{
    bool more;
    size_t e = read_num(s, len, i, 4, y, &more);
    return more || *y < 1000 ? i : e;
}

/* 二〇二三: four Chinese digits; OCR often reads 〇 as the letter O. */
static size_t read_cn_year(const char *s, size_t len, size_t i, int *y)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        int d = n ? cn_digit(cp) : -1;
        if (d < 0 && k > 0 && (cp == 'O' || cp == 'o')) d = 0;
        if (d < 0) return 0;
        v = v * 10 + d;
        i += n;
    }
    uint32_t next = fl_norm_peek(s, len, i);
    if (cn_digit(next) >= 0 || next == CP_SHI) return 0;
    *y = v;
    return i;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

bool fl_date_valid(const fl_date *d)
{
    if (d->y < 1 || d->y > 9999 || d->m < 0 || d->m > 12 || d->d < 0) return false;
    if (d->m == 0) return d->d == 0;
    return d->d <= days_in_month(d->y, d->m);
}

/* After 年 at i: optional month + 月, then optional day + 日/号. A part
 * that is there but impossible (13月, 2月30日) rejects the whole date. */
static size_t parse_cjk_tail(fl_date *out, const char *s, size_t len, size_t i)
{
    size_t end = i;
    int v;
    size_t p = skip_sp(s, len, i);
    size_t e = read_part(s, len, p, &v);
    if (e == p) return end;
    uint32_t cp;
    size_t q = skip_sp(s, len, e);
    size_t n = fl_norm_next(s, len, q, &cp);
    if (!n || cp != CP_YUE) return end;
    if (v < 1 || v > 12) return 0;
    out->m = v;
    end = q + n;
    p = skip_sp(s, len, end);
    e = read_part(s, len, p, &v);
    if (e == p) return end;
    q = skip_sp(s, len, e);
    n = fl_norm_next(s, len, q, &cp);
    if (!n || (cp != CP_RI && cp != CP_HAO)) return end;
    if (v < 1 || v > days_in_month(out->y, out->m)) return 0;
    out->d = v;
    return q + n;
}

static bool is_sep(uint32_t cp) { return cp == '-' || cp == '.' || cp == '/'; }

/* What may not follow "2024.5" for it to be a month: a letter or a unit,
 * which make it a quantity (2024.5万元, 2024.5吨, 2024.5%, 2024.5kg). */
static bool blocks_dot_month(uint32_t cp)
{
    static const uint32_t units[] = {
        0x4E07, 0x4EBF, 0x5143, 0x5343, 0x767E, 0x7C73, 0x5428, 0x4EA9, /* 万亿元千百米吨亩 */
        0x4E2A, 0x53F0, 0x5957, 0x6B21, 0x6237, 0x4EBA, 0x5929, 0x516C, /* 个台套次户人天公 */
        0x5E73, 0x7ACB, 0x514B, 0x5347, 0x5EA6,                         /* 平立克升度 */
    };
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                          (cp >= 'a' && cp <= 'z') || cp == '%';
    for (size_t k = 0; k < sizeof units / sizeof *units; k++)
        if (units[k] == cp) return true;
    return false;
}

/* After the year at i, which holds the separator: 2024-05, 2024-05-08. */
static size_t parse_iso_tail(fl_date *out, const char *s, size_t len, size_t i)
{
    uint32_t sep, cp;
    size_t p = i + fl_norm_next(s, len, i, &sep);
    bool more;
    int v;
    size_t e = read_num(s, len, p, 2, &v, &more);
    if (e == p || more || v < 1 || v > 12) return 0;
    out->m = v;
    size_t n = fl_norm_next(s, len, e, &cp);
    if (!n || !is_sep(cp) || !is_digit(fl_norm_peek(s, len, e + n))) {
        if (sep == '.' && n && blocks_dot_month(cp)) return 0;
        return e;
    }
    if (cp != sep) return 0; /* 2024-05/08: not one date */
    p = e + n;
    e = read_num(s, len, p, 2, &v, &more);
    if (more || v < 1 || v > days_in_month(out->y, out->m)) return 0;
    n = fl_norm_next(s, len, e, &cp);
    if (n && is_sep(cp) && is_digit(fl_norm_peek(s, len, e + n))) return 0; /* 2024.5.8.1 */
    out->d = v;
    return e;
}

size_t fl_date_parse(fl_date *out, const char *s, size_t len)
{
    fl_date d = {0, 0, 0};
    uint32_t cp;
    size_t e = read_arabic_year(s, len, 0, &d.y);
    bool arabic = e > 0;
    if (!arabic) e = read_cn_year(s, len, 0, &d.y);
    if (e == 0 || d.y < YEAR_MIN || d.y > YEAR_MAX) return 0;
    size_t r = 0;
    size_t p = skip_sp(s, len, e);
    size_t n = fl_norm_next(s, len, p, &cp);
    if (n && cp == CP_NIAN)
        r = parse_cjk_tail(&d, s, len, p + n);
    else if (arabic && p == e && n && is_sep(cp))
        r = parse_iso_tail(&d, s, len, p);
    if (r) *out = d;
    return r;
}

/* Characters that make a year-like number part of something else: a
 * standard code (GB 3095-2012, HJ 2.1-2016), a model number, a path. */
static bool blocks_year(uint32_t prev)
{
    return (prev >= '0' && prev <= '9') || (prev >= 'A' && prev <= 'Z') ||
           (prev >= 'a' && prev <= 'z') || prev == '-' || prev == '.' || prev == '/';
}

size_t fl_date_find(fl_date *out, const char *s, size_t len, size_t *start)
{
    uint32_t prev = ' ';
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        bool cand = cp == '1' || cp == '2' || cp == 0x4E00 || cp == 0x4E8C;
        if (cand && !blocks_year(prev)) {
            size_t r = fl_date_parse(out, s + i, len - i);
            if (r) {
                *start = i;
                return r;
            }
        }
        if (cp != 0) prev = cp;
        i += n;
    }
    return 0;
}

int fl_date_cmp(const fl_date *a, const fl_date *b)
{
    if (a->y != b->y) return a->y < b->y ? -1 : 1;
    if (a->m == 0 || b->m == 0) return 0;
    if (a->m != b->m) return a->m < b->m ? -1 : 1;
    if (a->d == 0 || b->d == 0) return 0;
    if (a->d != b->d) return a->d < b->d ? -1 : 1;
    return 0;
}

/* Fixed-width decimal field; returns the number of digits read or -1. */
static int iso_field(const char *s, int width, int *v)
{
    *v = 0;
    for (int k = 0; k < width; k++) {
        if (s[k] < '0' || s[k] > '9') return -1;
        *v = *v * 10 + (s[k] - '0');
    }
    return width;
}

/* YYYY-MM-DD, and the shorter YYYY-MM / YYYY that fl_date_format writes. */
int fl_date_iso_parse(fl_date *out, const char *iso)
{
    fl_date d = {0, 0, 0};
    size_t n = iso ? strlen(iso) : 0;
    if (n != 4 && n != 7 && n != 10) return -1;
    if (iso_field(iso, 4, &d.y) < 0) return -1;
    if (n >= 7 && (iso[4] != '-' || iso_field(iso + 5, 2, &d.m) < 0 || d.m == 0)) return -1;
    if (n == 10 && (iso[7] != '-' || iso_field(iso + 8, 2, &d.d) < 0 || d.d == 0)) return -1;
    if (!fl_date_valid(&d)) return -1;
    *out = d;
    return 0;
}

static void put_digits(char *o, int v, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        o[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

void fl_date_format(const fl_date *d, char out[11])
{
    int y = d->y < 0 ? 0 : d->y > 9999 ? 9999 : d->y;
    size_t n = 4;
    put_digits(out, y, 4);
    if (d->m > 0 && d->m <= 12) {
        out[4] = '-';
        put_digits(out + 5, d->m, 2);
        n = 7;
        if (d->d > 0 && d->d <= 31) {
            out[7] = '-';
            put_digits(out + 8, d->d, 2);
            n = 10;
        }
    }
    out[n] = '\0';
}

/* Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian). */
long fl_date_days(const fl_date *d)
{
    long y = d->y;
    long m = d->m > 0 ? d->m : 1;
    long dd = d->d > 0 ? d->d : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void fl_date_from_days(fl_date *d, long days)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    d->d = (int)(doy - (153 * mp + 2) / 5 + 1);
    d->m = (int)m;
    d->y = (int)(yoe + era * 400 + (m <= 2));
}

int fl_date_weekday(const fl_date *d)
{
    long w = (fl_date_days(d) + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

void fl_date_today(fl_date *d)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    d->y = tm.tm_year + 1900;
    d->m = tm.tm_mon + 1;
    d->d = tm.tm_mday;
}
