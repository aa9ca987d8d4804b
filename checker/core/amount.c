/* Money amounts as filings write them (1,234.5万元, ３００万元, 12000元,
 * 1.2亿元), normalised to 万元 so that a funding plan can be added up and
 * compared with the amount applied for. Digits are read by core/quantity's
 * number reader as an integer mantissa and a power of ten, so 12000元 gives
 * exactly the double 1.2 and 1.2亿元 exactly 12000. */
#include "core/amount.h"
#include "core/norm.h"
#include "core/quantity.h"
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

static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
static bool is_comma(uint32_t cp) { return cp == ',' || cp == CP_FWCOMMA; }

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

/* mant * 10^(exp - decimals) 元 in 万元, with a single rounding. */
static double to_wan(const fl_qnum *num, int exp) { return fl_qnum_scale(num, exp - 4, 1); }

/* unit_default as a power of ten, -1 if it is not one. */
static int default_exp(double unit_default)
{
    double p = 1;
    for (int e = 0; e <= 12; e++, p *= 10)
        if (unit_default == p) return e;
    return -1;
}

size_t fl_amount_parse(double *wan, const char *s, size_t len, double unit_default)
{
    fl_qnum num;
    size_t e = fl_qnum_read(s, len, 0, &num);
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
        *wan = fl_qnum_scale(&num, 0, 1) * unit_default / 1e4;
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
