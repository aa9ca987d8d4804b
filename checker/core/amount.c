/* Money amounts as filings write them (1,234.5万元, ３００万元, 12000元,
 * 1.2亿元), normalised to 万元 so that a funding plan can be added up and
 * compared with the amount applied for. Digits are read as an integer
 * mantissa and a power of ten, so 12000元 gives exactly the double 1.2 and
 * 1.2亿元 exactly 12000. */
#include "core/amount.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define CP_YUAN 0x5143  /* 元 */
#define CP_WAN 0x4E07   /* 万 */
#define CP_YI 0x4EBF    /* 亿 */
#define CP_QIAN 0x5343  /* 千 */
#define CP_BAI 0x767E   /* 百 */
#define CP_FWCOMMA 0xFF0C

enum { MAX_DIGITS = 18 };

typedef struct number {
    uint64_t mant;
    int decimals;
} number;


static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
static bool is_comma(uint32_t cp) { return cp == ',' || cp == CP_FWCOMMA; }

/* Digits at i appended to *num; returns the end, *k = digits read. Fails
 * (returns 0) past MAX_DIGITS significant digits: not an amount. */
static size_t read_digits(const char *s, size_t len, size_t i, number *num, int *k)
{
    uint32_t cp;
    size_t n;
    *k = 0;
    while ((n = fl_norm_next(s, len, i, &cp)) && is_digit(cp)) {
        if (num->mant >= UINT64_C(100000000000000000)) return 0;
        num->mant = num->mant * 10 + (cp - '0');
        i += n;
        (*k)++;
    }
    return i;
}

/* 1234, 1,234.5, １２３４．５, 1，234. Returns the end, 0 if the text at i
 * is not a whole number: a separator that does not group three digits
 * (1,23 / 1234,567) or a second decimal point means it is a list, a
 * version or a code, and taking a piece of it would give a wrong amount. */
static size_t read_number(const char *s, size_t len, size_t i, number *num)
{
    uint32_t cp;
    size_t n;
    int k;
    num->mant = 0;
    num->decimals = 0;
    size_t e = read_digits(s, len, i, num, &k);
    if (e == 0 || k == 0) return 0;
    bool grouped = false;
    while ((n = fl_norm_next(s, len, e, &cp)) && is_comma(cp) && is_digit(fl_norm_peek(s, len, e + n))) {
        if (!grouped && k > 3) return 0;
        grouped = true;
        size_t g = read_digits(s, len, e + n, num, &k);
        if (g == 0 || k != 3) return 0;
        e = g;
    }
    if (n && cp == '.' && is_digit(fl_norm_peek(s, len, e + n))) {
        size_t f = read_digits(s, len, e + n, num, &k);
        if (f == 0) return 0;
        num->decimals = k;
        e = f;
        n = fl_norm_next(s, len, e, &cp);
        if (n && (cp == '.' || is_comma(cp)) && is_digit(fl_norm_peek(s, len, e + n))) return 0;
    }
    return e;
}

static bool is_ideograph(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

static bool is_word_char(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           is_ideograph(cp);
}

static bool starts_with(const char *s, size_t len, size_t i, const char *lit)
{
    for (; *lit; lit++, i++)
        if (i >= len || s[i] != *lit) return false;
    return true;
}

/* The unit at i: 元, 千元, 万元, 百万元, 千万元, 亿元, and a bare 万 / 亿.
 * Returns the end and *exp (the unit is 10^exp 元); i if there is none.
 * A bare 万 / 亿 followed by another word is a count (5万平方米, 1万人) or
 * another currency (万美元), not an amount; anything per something
 * (元/吨, 万元/年) is a rate. */
static size_t read_unit(const char *s, size_t len, size_t i, int *exp)
{
    static const struct { const char *lit; int exp; bool bare; } units[] = {
        {"千万元", 7, false}, {"百万元", 6, false}, {"千元", 3, false},
        {"万元", 4, false}, {"亿元", 8, false}, {"元", 0, false},
        {"万", 4, true}, {"亿", 8, true},
    };
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        if (!starts_with(s, len, i, units[k].lit)) continue;
        size_t e = i + strlen(units[k].lit);
        uint32_t next = fl_norm_peek(s, len, e);
        if (next == '/') return i;
        if (units[k].bare && is_word_char(next) && !starts_with(s, len, e, "人民币")) return i;
        *exp = units[k].exp;
        return e;
    }
    return i;
}

static double pow10_exact(int e)
{
    static const double p[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    return p[e];
}

/* mant * 10^(exp - decimals) 元 in 万元, with a single rounding. */
static double to_wan(const number *num, int exp)
{
    int e = exp - num->decimals - 4;
    double m = (double)num->mant;
    return e >= 0 ? m * pow10_exact(e) : m / pow10_exact(-e);
}

/* unit_default as a power of ten, -1 if it is not one. */
static int default_exp(double unit_default)
{
    for (int e = 0; e <= 12; e++)
        if (unit_default == pow10_exact(e)) return e;
    return -1;
}

size_t fl_amount_parse(double *wan, const char *s, size_t len, double unit_default)
{
    number num;
    size_t e = read_number(s, len, 0, &num);
    if (e == 0) return 0;
    size_t p = e;
    uint32_t cp;
    size_t n;
    while ((n = fl_norm_next(s, len, p, &cp)) && (cp == ' ' || cp == 0)) p += n;
    /* 3000余万元, 300多元: an approximate amount is still the amount */
    if (starts_with(s, len, p, "余") || starts_with(s, len, p, "多")) {
        int exp;
        size_t u = read_unit(s, len, p + 3, &exp);
        if (u > p + 3) {
            *wan = to_wan(&num, exp);
            return u;
        }
    }
    int exp;
    size_t u = read_unit(s, len, p, &exp);
    if (u > p) {
        *wan = to_wan(&num, exp);
        return u;
    }
    if (!(unit_default > 0)) return 0;
    uint32_t next = fl_norm_peek(s, len, e);
    if (is_word_char(next) || next == '%' || next == '/') return 0;
    int de = default_exp(unit_default);
    if (de >= 0)
        *wan = to_wan(&num, de);
    else
        *wan = (double)num.mant / pow10_exact(num.decimals) * unit_default / 1e4;
    return e;
}

/* A digit that continues a number to its left is not the start of one:
 * 1234 read from "3", 1,234 read from "234", 1.5 read from "5". */
static bool continues_number(uint32_t prev, uint32_t prev2)
{
    return is_digit(prev) || prev == '.' || (is_comma(prev) && is_digit(prev2));
}

size_t fl_amount_find(double *wan, const char *s, size_t len, size_t *start)
{
    uint32_t prev = ' ', prev2 = ' ';
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        if (is_digit(cp) && !continues_number(prev, prev2)) {
            size_t r = fl_amount_parse(wan, s + i, len - i, 0);
            if (r) {
                *start = i;
                return r;
            }
        }
        if (cp != 0) {
            prev2 = prev;
            prev = cp;
        }
        i += n;
    }
    return 0;
}
