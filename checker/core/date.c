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

/* Exactly one space at i, as between the digits of a number copied out of a
 * PDF (2 0 2 1, 二 〇 一 九): its end; i when there is none or a wider gap. */
static size_t one_sp(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    size_t n = fl_norm_next(s, len, i, &cp);
    if (!n || cp != ' ' || fl_norm_peek(s, len, i + n) == ' ') return i;
    return i + n;
}

/* Where the next digit of a number may start after one ending at i: right
 * there, or one space on when the number is written spaced. A number is
 * written one way or the other, never both. */
static size_t next_digit_at(const char *s, size_t len, size_t i, bool spaced)
{
    return spaced ? one_sp(s, len, i) : i;
}

/* Up to maxd digits at i; returns the end (i if none). *more is set when
 * another digit follows, i.e. the number is longer than allowed. */
static size_t read_num(const char *s, size_t len, size_t i, int maxd, bool spaced, int *val, bool *more)
{
    uint32_t cp;
    size_t n, end = i;
    int v = 0, k = 0;
    while (k < maxd) {
        size_t p = k ? next_digit_at(s, len, end, spaced) : end;
        if (k && p == end && spaced) break;
        if (!(n = fl_norm_next(s, len, p, &cp)) || !is_digit(cp)) break;
        v = v * 10 + (int)(cp - '0');
        end = p + n;
        k++;
    }
    *val = k == 0 ? -1 : v;
    *more = k == maxd && (is_digit(fl_norm_peek(s, len, end)) ||
                          (spaced && is_digit(fl_norm_peek(s, len, one_sp(s, len, end)))));
    return end;
}

/* A Chinese month or day number: 五, 十, 十二, 二十, 三十一 (spaced: 十 二). */
static size_t read_cn_num(const char *s, size_t len, size_t i, bool spaced, int *val)
{
    uint32_t cp;
    size_t n = fl_norm_next(s, len, i, &cp);
    int d = n ? cn_digit(cp) : -1;
    if (d > 0) {
        i += n;
        *val = d;
        size_t p = next_digit_at(s, len, i, spaced);
        n = fl_norm_next(s, len, p, &cp);
        if (!n || cp != CP_SHI) return i;
        i = p + n;
        *val = d * 10;
    } else if (n && cp == CP_SHI) {
        i += n;
        *val = 10;
    } else {
        return i;
    }
    size_t p = next_digit_at(s, len, i, spaced);
    n = fl_norm_next(s, len, p, &cp);
    d = n ? cn_digit(cp) : -1;
    if (d > 0) { *val += d; i = p + n; }
    return i;
}

/* Month or day before 月 / 日: 1-2 Arabic digits or a Chinese number.
 * Returns the end, i if there is none or the digits run on. */
static size_t read_part(const char *s, size_t len, size_t i, bool spaced, int *val)
{
    bool more;
    size_t e = read_num(s, len, i, 2, spaced, val, &more);
    if (e > i) return more ? i : e;
    return read_cn_num(s, len, i, spaced, val);
}

/* Exactly four digits, together or one space apart (*spaced). */
static size_t read_arabic_year(const char *s, size_t len, size_t i, int *y, bool *spaced)
{
    bool more;
    for (int k = 0; k < 2; k++) {
        *spaced = k == 1;
        size_t e = read_num(s, len, i, 4, *spaced, y, &more);
        if (!more && *y >= 1000) return e;
    }
    return i;
}

/* A zero in a year written in Chinese: 〇 ○ 零, and what typing and OCR put
 * in its place, the letter O and the digit 0 (二O一三, 二0一六). */
static int cn_year_digit(uint32_t cp, int k)
{
    int d = cn_digit(cp);
    if (d < 0 && k > 0 && (cp == 'O' || cp == 'o' || cp == '0')) d = 0;
    return d;
}

/* 二〇二三: four Chinese digits, together or one space apart (*spaced set
 * when any is). A PDF copy or OCR spaces a Chinese year unevenly (二 00 九,
 * 二〇 一九): each gap may be one space. */
static size_t read_cn_year(const char *s, size_t len, size_t i, int *y, bool *spaced)
{
    int v = 0;
    *spaced = false;
    for (int k = 0; k < 4; k++) {
        uint32_t cp;
        size_t p = k ? one_sp(s, len, i) : i;
        if (p != i) *spaced = true;
        size_t n = fl_norm_next(s, len, p, &cp);
        int d = n ? cn_year_digit(cp, k) : -1;
        if (d < 0) return 0;
        v = v * 10 + d;
        i = p + n;
    }
    for (int k = 0; k < 2; k++) { /* no fifth digit, together or one space on */
        uint32_t next = fl_norm_peek(s, len, k ? one_sp(s, len, i) : i);
        if (cn_year_digit(next, 1) >= 0 || next == CP_SHI || is_digit(next)) return 0;
    }
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
static size_t parse_cjk_tail(fl_date *out, const char *s, size_t len, size_t i, bool spaced)
{
    size_t end = i;
    int v;
    size_t p = skip_sp(s, len, i);
    size_t e = read_part(s, len, p, spaced, &v);
    if (e == p) return end;
    uint32_t cp;
    size_t q = skip_sp(s, len, e);
    size_t n = fl_norm_next(s, len, q, &cp);
    if (!n || cp != CP_YUE) return end;
    if (v < 1 || v > 12) return 0;
    out->m = v;
    end = q + n;
    p = skip_sp(s, len, end);
    e = read_part(s, len, p, spaced, &v);
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
    size_t e = read_num(s, len, p, 2, false, &v, &more);
    if (e == p || more || v < 1 || v > 12) return 0;
    out->m = v;
    size_t n = fl_norm_next(s, len, e, &cp);
    if (!n || !is_sep(cp) || !is_digit(fl_norm_peek(s, len, e + n))) {
        if (sep == '.' && n && blocks_dot_month(cp)) return 0;
        return e;
    }
    if (cp != sep) return 0; /* 2024-05/08: not one date */
    p = e + n;
    e = read_num(s, len, p, 2, false, &v, &more);
    if (more || v < 1 || v > days_in_month(out->y, out->m)) return 0;
    n = fl_norm_next(s, len, e, &cp);
    if (n && is_sep(cp) && is_digit(fl_norm_peek(s, len, e + n))) return 0; /* 2024.5.8.1 */
    out->d = v;
    return e;
}

/* fl_date_parse, also saying whether the year was written spaced. */
static size_t parse_at(fl_date *out, const char *s, size_t len, bool *spaced)
{
    fl_date d = {0, 0, 0};
    uint32_t cp;
    size_t e = read_arabic_year(s, len, 0, &d.y, spaced);
    bool arabic = e > 0;
    if (!arabic) e = read_cn_year(s, len, 0, &d.y, spaced);
    if (e == 0 || d.y < YEAR_MIN || d.y > YEAR_MAX) return 0;
    size_t r = 0;
    size_t p = skip_sp(s, len, e);
    size_t n = fl_norm_next(s, len, p, &cp);
    if (n && cp == CP_NIAN)
        r = parse_cjk_tail(&d, s, len, p + n, *spaced);
    else if (arabic && !*spaced && p == e && n && is_sep(cp)) /* 2 0 2 4-05 is no form */
        r = parse_iso_tail(&d, s, len, p);
    if (r) *out = d;
    return r;
}

size_t fl_date_parse(fl_date *out, const char *s, size_t len)
{
    bool spaced;
    return parse_at(out, s, len, &spaced);
}

/* Characters that make a year-like number part of something else: a
 * standard code (GB 3095-2012, HJ 2.1-2016), a model number, a path. */
static bool blocks_year(uint32_t prev)
{
    return (prev >= '0' && prev <= '9') || (prev >= 'A' && prev <= 'Z') ||
           (prev >= 'a' && prev <= 'z') || prev == '-' || prev == '.' || prev == '/';
}

/* The second year of a range of bare years (2020～2035年, 2021至2035年,
 * a planning period) is no date of its own; after a full date
 * (2024年3月15日~2024年4月1日) it is one. */
static bool range_tail(uint32_t prev, uint32_t prev2)
{
    return (prev == '~' || prev == 0x81F3 /* 至 */) && prev2 >= '0' && prev2 <= '9';
}

size_t fl_date_find(fl_date *out, const char *s, size_t len, size_t *start)
{
    uint32_t prev = ' ', prev2 = ' '; /* the code points before i */
    uint32_t last_ns = ' ';           /* the last one that is not a space */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        bool cand = cp == '1' || cp == '2' || cp == 0x4E00 || cp == 0x4E8C;
        if (cand && !blocks_year(prev) && !range_tail(prev, prev2)) {
            fl_date d;
            bool spaced;
            size_t r = parse_at(&d, s + i, len - i, &spaced);
            /* a spaced year one space after a digit or a code is the tail of
             * a longer spaced number (1 2 0 2 1 年, GB 3 0 9 5 - 2 0 1 2) */
            if (r && !(spaced && prev == ' ' && blocks_year(last_ns))) {
                *out = d;
                *start = i;
                return r;
            }
        }
        if (cp != 0) {
            prev2 = prev;
            prev = cp;
        }
        if (cp != 0 && cp != ' ') last_ns = cp;
        i += n;
    }
    return 0;
}

/* ---- blank date forms ------------------------------------------------------ */

/* What a blank in a date form is typed with: spaces, underscores and the
 * placeholders of templates (xxxx年xx月, *年*月*日, ××年). */
static bool is_filler(uint32_t cp)
{
    return cp == '_' || cp == 'x' || cp == 'X' || cp == 0xD7 || cp == '*';
}

static bool is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* After 年 at i: blanks (at least one) then 月, then optionally blanks and
 * 日; returns the end, 0 when the month is not blank. */
static size_t blank_tail(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    size_t n;
    int gaps = 0;
    while ((n = fl_norm_next(s, len, i, &cp)) && (cp == ' ' || cp == 0 || is_filler(cp))) {
        i += n;
        gaps++;
    }
    if (!gaps || !n || cp != CP_YUE) return 0;
    i += n;
    size_t end = i;
    gaps = 0;
    while ((n = fl_norm_next(s, len, i, &cp)) && (cp == ' ' || cp == 0 || is_filler(cp))) {
        i += n;
        gaps++;
    }
    if (gaps && n && (cp == CP_RI || cp == CP_HAO)) {
        end = i + n;
        n = fl_norm_next(s, len, end, &cp);
    } else {
        n = fl_norm_next(s, len, end, &cp);
    }
    /* 近3年 月均降水量: 月 starts a word, this is prose */
    if (n && is_han(cp)) return 0;
    return end;
}

size_t fl_date_find_blank(const char *s, size_t len, size_t *start, int *year)
{
    /* The run of digits, fillers and spaces before the current position:
     * the year part of a form when 年 follows. */
    size_t run_ns = SIZE_MAX; /* where the run's first non-space is */
    int ndig = 0, nfill = 0, y = 0;
    uint32_t first = 0, before = ' '; /* first year character; what precedes the run */
    uint32_t prev = ' ';
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        if (cp == CP_NIAN) {
            bool plain_year = ndig == 4 && nfill == 0;
            bool ok;
            if (ndig == 0 && nfill == 0) /* 年 月 日: not 每年 月 */
                ok = !is_han(prev) && !blocks_year(prev);
            else
                ok = !blocks_year(before) && !is_han(before) && ndig + nfill <= 4 &&
                     (ndig == 0 || first == '1' || first == '2' || is_filler(first)) &&
                     (nfill > 0 || ndig != 1);
            size_t e = ok ? blank_tail(s, len, i + n) : 0;
            if (e) {
                *start = run_ns != SIZE_MAX ? run_ns : i;
                *year = plain_year && y >= YEAR_MIN && y <= YEAR_MAX ? y : 0;
                return e - *start;
            }
        }
        if (is_digit(cp) || is_filler(cp) || cp == ' ' || cp == 0) {
            if (run_ns == SIZE_MAX && cp != ' ' && cp != 0) {
                run_ns = i;
                first = cp;
            }
            if (is_digit(cp) && ++ndig <= 4) y = y * 10 + (int)(cp - '0'); /* longer is no year */
            if (is_filler(cp)) nfill++;
        } else {
            run_ns = SIZE_MAX;
            ndig = nfill = y = 0;
            first = 0;
            before = cp;
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
