/* Numbers with units (core/quantity.h). The number is read as an exact
 * decimal (an integer mantissa and its decimals) and scaled to the base unit
 * once, so 12000元 gives exactly the double 1.2 (万元). Units are one table
 * below; a unit matches the longest spelling, with spaces allowed around
 * '/', '(' and ')' (PDF copies: "mg / m3", "dB (A)"), and ends where the
 * next character could not go on a unit (5 min is not 5 m). */
#include "core/quantity.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { MAX_MANT_DIGITS = 18 };

static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
static bool is_comma(uint32_t cp) { return cp == ',' || cp == 0xFF0C; }
static bool is_latin(uint32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'); }
static bool is_han(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* ---- numbers --------------------------------------------------------------- */

static size_t read_digits(const char *s, size_t len, size_t i, fl_qnum *num, int *k)
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

size_t fl_qnum_read(const char *s, size_t len, size_t i, fl_qnum *num)
{
    uint32_t cp;
    size_t n;
    int k;
    num->mant = 0;
    num->decimals = 0;
    num->negative = false;
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

static double pow10_exact(int e)
{
    static const double p[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    return e <= 22 ? p[e] : pow(10, e);
}

double fl_qnum_scale(const fl_qnum *num, int exp10, double mult)
{
    int e = exp10 - num->decimals;
    double m = (double)num->mant * mult;
    double v = e >= 0 ? m * pow10_exact(e) : m / pow10_exact(-e);
    return num->negative ? -v : v;
}

/* ---- units ------------------------------------------------------------------ */

enum {
    U_BARE = 1u << 0, /* 万 / 亿 alone: not before another word (5万平方米, 1万人) */
};

typedef struct unit_row {
    const char *spelling; /* normalised: ASCII parentheses, no spaces */
    const char *canon;
    fl_dim dim;
    int exp10;
    double mult;
    unsigned flags;
} unit_row;

#define M1 1.0
static const unit_row units[] = {
    /* money, base 万元 */
    {"元", "元", FL_DIM_MONEY, -4, M1, 0},
    {"千元", "千元", FL_DIM_MONEY, -1, M1, 0},
    {"万元", "万元", FL_DIM_MONEY, 0, M1, 0},
    {"百万元", "百万元", FL_DIM_MONEY, 2, M1, 0},
    {"千万元", "千万元", FL_DIM_MONEY, 3, M1, 0},
    {"亿元", "亿元", FL_DIM_MONEY, 4, M1, 0},
    {"万", "万元", FL_DIM_MONEY, 0, M1, U_BARE},
    {"亿", "亿元", FL_DIM_MONEY, 4, M1, U_BARE},
    /* ratio, base % */
    {"%", "%", FL_DIM_RATIO, 0, M1, 0},
    {"‰", "‰", FL_DIM_RATIO, -1, M1, 0},
    /* sound level: dB(A) and dB are read alike, the weighting is the caller's */
    {"dB(A)", "dB(A)", FL_DIM_SOUND, 0, M1, 0},
    {"dB(a)", "dB(A)", FL_DIM_SOUND, 0, M1, 0},
    {"dBA", "dB(A)", FL_DIM_SOUND, 0, M1, 0},
    {"dB", "dB", FL_DIM_SOUND, 0, M1, 0},
    {"分贝", "dB", FL_DIM_SOUND, 0, M1, 0},
    /* length, base m */
    {"m", "m", FL_DIM_LENGTH, 0, M1, 0},
    {"米", "m", FL_DIM_LENGTH, 0, M1, 0},
    {"km", "km", FL_DIM_LENGTH, 3, M1, 0},
    {"千米", "km", FL_DIM_LENGTH, 3, M1, 0},
    {"公里", "km", FL_DIM_LENGTH, 3, M1, 0},
    {"cm", "cm", FL_DIM_LENGTH, -2, M1, 0},
    {"厘米", "cm", FL_DIM_LENGTH, -2, M1, 0},
    {"mm", "mm", FL_DIM_LENGTH, -3, M1, 0},
    {"毫米", "mm", FL_DIM_LENGTH, -3, M1, 0},
    /* area, base m² */
    {"m²", "m²", FL_DIM_AREA, 0, M1, 0},
    {"m2", "m²", FL_DIM_AREA, 0, M1, 0},
    {"㎡", "m²", FL_DIM_AREA, 0, M1, 0},
    {"平方米", "m²", FL_DIM_AREA, 0, M1, 0},
    {"万平方米", "万m²", FL_DIM_AREA, 4, M1, 0},
    {"万m²", "万m²", FL_DIM_AREA, 4, M1, 0},
    {"万m2", "万m²", FL_DIM_AREA, 4, M1, 0},
    {"km²", "km²", FL_DIM_AREA, 6, M1, 0},
    {"km2", "km²", FL_DIM_AREA, 6, M1, 0},
    {"平方公里", "km²", FL_DIM_AREA, 6, M1, 0},
    {"平方千米", "km²", FL_DIM_AREA, 6, M1, 0},
    {"hm²", "hm²", FL_DIM_AREA, 4, M1, 0},
    {"hm2", "hm²", FL_DIM_AREA, 4, M1, 0},
    {"公顷", "hm²", FL_DIM_AREA, 4, M1, 0},
    {"亩", "亩", FL_DIM_AREA, 0, 2000.0 / 3.0, 0},
    {"万亩", "万亩", FL_DIM_AREA, 4, 2000.0 / 3.0, 0},
    /* volume, base m³ */
    {"m³", "m³", FL_DIM_VOLUME, 0, M1, 0},
    {"m3", "m³", FL_DIM_VOLUME, 0, M1, 0},
    {"㎥", "m³", FL_DIM_VOLUME, 0, M1, 0},
    {"立方米", "m³", FL_DIM_VOLUME, 0, M1, 0},
    {"万m³", "万m³", FL_DIM_VOLUME, 4, M1, 0},
    {"万m3", "万m³", FL_DIM_VOLUME, 4, M1, 0},
    {"万立方米", "万m³", FL_DIM_VOLUME, 4, M1, 0},
    /* 方 for 立方米, as earthworks write it (修复土方量3.2万方); alone only
     * at a word's end: 5000方案 is no volume */
    {"万方", "万m³", FL_DIM_VOLUME, 4, M1, U_BARE},
    {"方", "m³", FL_DIM_VOLUME, 0, M1, U_BARE},
    /* mass, base t */
    {"t", "t", FL_DIM_MASS, 0, M1, 0},
    {"吨", "t", FL_DIM_MASS, 0, M1, 0},
    {"kg", "kg", FL_DIM_MASS, -3, M1, 0},
    {"千克", "kg", FL_DIM_MASS, -3, M1, 0},
    {"公斤", "kg", FL_DIM_MASS, -3, M1, 0},
    {"万t", "万t", FL_DIM_MASS, 4, M1, 0},
    {"万吨", "万t", FL_DIM_MASS, 4, M1, 0},
    /* mass per year, base t/a */
    {"t/a", "t/a", FL_DIM_MASS_RATE, 0, M1, 0},
    {"t/年", "t/a", FL_DIM_MASS_RATE, 0, M1, 0},
    {"吨/年", "t/a", FL_DIM_MASS_RATE, 0, M1, 0},
    {"吨/a", "t/a", FL_DIM_MASS_RATE, 0, M1, 0},
    {"kg/a", "kg/a", FL_DIM_MASS_RATE, -3, M1, 0},
    {"kg/年", "kg/a", FL_DIM_MASS_RATE, -3, M1, 0},
    {"千克/年", "kg/a", FL_DIM_MASS_RATE, -3, M1, 0},
    {"公斤/年", "kg/a", FL_DIM_MASS_RATE, -3, M1, 0},
    {"万t/a", "万t/a", FL_DIM_MASS_RATE, 4, M1, 0},
    {"万吨/年", "万t/a", FL_DIM_MASS_RATE, 4, M1, 0},
    /* mass per hour (or day, second), base kg/h: physical identities only */
    {"kg/h", "kg/h", FL_DIM_MASS_FLOW, 0, M1, 0},
    {"千克/小时", "kg/h", FL_DIM_MASS_FLOW, 0, M1, 0},
    {"公斤/小时", "kg/h", FL_DIM_MASS_FLOW, 0, M1, 0},
    {"g/h", "g/h", FL_DIM_MASS_FLOW, -3, M1, 0},
    {"g/s", "g/s", FL_DIM_MASS_FLOW, 0, 3.6, 0},
    {"t/h", "t/h", FL_DIM_MASS_FLOW, 3, M1, 0},
    {"吨/小时", "t/h", FL_DIM_MASS_FLOW, 3, M1, 0},
    {"t/d", "t/d", FL_DIM_MASS_FLOW, 3, 1.0 / 24.0, 0},
    {"吨/天", "t/d", FL_DIM_MASS_FLOW, 3, 1.0 / 24.0, 0},
    {"吨/日", "t/d", FL_DIM_MASS_FLOW, 3, 1.0 / 24.0, 0},
    /* concentration, base mg/m³ */
    {"mg/m³", "mg/m³", FL_DIM_CONC, 0, M1, 0},
    {"mg/m3", "mg/m³", FL_DIM_CONC, 0, M1, 0},
    {"mg/Nm³", "mg/m³", FL_DIM_CONC, 0, M1, 0},
    {"mg/Nm3", "mg/m³", FL_DIM_CONC, 0, M1, 0},
    {"mg/立方米", "mg/m³", FL_DIM_CONC, 0, M1, 0},
    {"μg/m³", "μg/m³", FL_DIM_CONC, -3, M1, 0},
    {"μg/m3", "μg/m³", FL_DIM_CONC, -3, M1, 0},
    {"µg/m³", "μg/m³", FL_DIM_CONC, -3, M1, 0},
    {"µg/m3", "μg/m³", FL_DIM_CONC, -3, M1, 0},
    {"ug/m3", "μg/m³", FL_DIM_CONC, -3, M1, 0},
    {"ug/m³", "μg/m³", FL_DIM_CONC, -3, M1, 0},
    {"mg/L", "mg/L", FL_DIM_CONC, 3, M1, 0},
    {"mg/l", "mg/L", FL_DIM_CONC, 3, M1, 0},
    /* gas flow, base m³/h */
    {"m³/h", "m³/h", FL_DIM_FLOW, 0, M1, 0},
    {"m3/h", "m³/h", FL_DIM_FLOW, 0, M1, 0},
    {"Nm³/h", "m³/h", FL_DIM_FLOW, 0, M1, 0},
    {"Nm3/h", "m³/h", FL_DIM_FLOW, 0, M1, 0},
    {"立方米/小时", "m³/h", FL_DIM_FLOW, 0, M1, 0},
    {"万m³/h", "万m³/h", FL_DIM_FLOW, 4, M1, 0},
    {"万m3/h", "万m³/h", FL_DIM_FLOW, 4, M1, 0},
    {"m³/min", "m³/min", FL_DIM_FLOW, 0, 60, 0},
    {"m3/min", "m³/min", FL_DIM_FLOW, 0, 60, 0},
    {"m³/s", "m³/s", FL_DIM_FLOW, 0, 3600, 0},
    {"m3/s", "m³/s", FL_DIM_FLOW, 0, 3600, 0},
    {"L/s", "L/s", FL_DIM_FLOW, 0, 3.6, 0},
    /* water per day and per year */
    {"m³/d", "m³/d", FL_DIM_WATER_DAY, 0, M1, 0},
    {"m3/d", "m³/d", FL_DIM_WATER_DAY, 0, M1, 0},
    {"立方米/天", "m³/d", FL_DIM_WATER_DAY, 0, M1, 0},
    {"立方米/日", "m³/d", FL_DIM_WATER_DAY, 0, M1, 0},
    {"m³/a", "m³/a", FL_DIM_WATER_YEAR, 0, M1, 0},
    {"m3/a", "m³/a", FL_DIM_WATER_YEAR, 0, M1, 0},
    {"m³/年", "m³/a", FL_DIM_WATER_YEAR, 0, M1, 0},
    {"m3/年", "m³/a", FL_DIM_WATER_YEAR, 0, M1, 0},
    {"立方米/年", "m³/a", FL_DIM_WATER_YEAR, 0, M1, 0},
    {"万m³/a", "万m³/a", FL_DIM_WATER_YEAR, 4, M1, 0},
    {"万m3/a", "万m³/a", FL_DIM_WATER_YEAR, 4, M1, 0},
    {"万立方米/年", "万m³/a", FL_DIM_WATER_YEAR, 4, M1, 0},
    /* operating time */
    {"h/a", "h/a", FL_DIM_TIME_RATE, 0, M1, 0},
    {"h/年", "h/a", FL_DIM_TIME_RATE, 0, M1, 0},
    {"小时/年", "h/a", FL_DIM_TIME_RATE, 0, M1, 0},
    {"d/a", "d/a", FL_DIM_DAY_RATE, 0, M1, 0},
    {"天/年", "d/a", FL_DIM_DAY_RATE, 0, M1, 0},
    /* temperature */
    {"℃", "℃", FL_DIM_TEMP, 0, M1, 0},
    {"°C", "℃", FL_DIM_TEMP, 0, M1, 0},
};

static const char *const dim_names[FL_DIM_COUNT_] = {
    "none", "money", "ratio", "sound-level", "length", "area", "volume", "mass", "mass-rate", "mass-flow",
    "concentration", "flow", "water-per-day", "water-per-year", "time-rate", "day-rate", "temperature",
};
static const char *const base_units[FL_DIM_COUNT_] = {
    "", "万元", "%", "dB(A)", "m", "m²", "m³", "t", "t/a", "kg/h", "mg/m³", "m³/h", "m³/d", "m³/a", "h/a", "d/a", "℃",
};

const char *fl_quantity_dim_name(fl_dim d) { return d < FL_DIM_COUNT_ ? dim_names[d] : "none"; }
const char *fl_quantity_base_unit(fl_dim d) { return d < FL_DIM_COUNT_ ? base_units[d] : ""; }

static const unit_row *row_of_canon(const char *canon)
{
    for (size_t k = 0; canon && k < sizeof units / sizeof *units; k++)
        if (!strcmp(units[k].canon, canon)) return &units[k];
    return NULL;
}

fl_dim fl_quantity_unit_dim(const char *unit)
{
    const unit_row *r = row_of_canon(unit);
    return r ? r->dim : FL_DIM_NONE;
}

static bool is_joint(uint32_t cp) { return cp == '/' || cp == '(' || cp == ')'; }

/* End of spelling lit matched at s[p], 0 if it does not match. */
static size_t match_spelling(const char *s, size_t len, size_t p, const char *lit)
{
    size_t i = p, l = 0, ll = strlen(lit);
    uint32_t prev = 0;
    while (l < ll) {
        uint32_t lc, cp;
        size_t ln = fl_utf8_decode(lit + l, ll - l, &lc);
        size_t n = fl_norm_next(s, len, i, &cp);
        if (!n) return 0;
        if (cp == 0 || (cp == ' ' && (is_joint(lc) || is_joint(prev)))) {
            i += n;
            continue;
        }
        if (cp != lc) return 0;
        i += n;
        l += ln;
        prev = lc;
    }
    return i;
}

/* Could cp go on a unit that ends in last? Then the unit has not ended. */
static bool continues_unit(uint32_t last, uint32_t cp, unsigned flags)
{
    if (cp == '/' || cp == 0xB2 || cp == 0xB3 || cp == 0xB7) return true; /* 元/吨, m²·, ... */
    if (flags & U_BARE) return is_latin(cp) || is_digit(cp) || is_han(cp);
    if (last < 0x80 || last == 0xB2 || last == 0xB3) return is_latin(cp) || is_digit(cp);
    return false;
}

/* The longest unit at s[p]; *end past it. NULL if none. */
static const unit_row *read_unit(const char *s, size_t len, size_t p, size_t *end)
{
    const unit_row *best = NULL;
    size_t best_end = 0;
    uint32_t first = fl_norm_peek(s, len, p);
    char lead[4];
    if (first == 0xFFFFFFFFu || !fl_utf8_encode(first, lead)) return NULL;
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        /* most tries end at the first byte: keeps a scan over long text cheap */
        if (units[k].spelling[0] != lead[0]) continue;
        size_t e = match_spelling(s, len, p, units[k].spelling);
        if (e <= best_end) continue;
        const char *sp = units[k].spelling;
        size_t sl = strlen(sp), q = sl;
        while (q > 0 && ((unsigned char)sp[q - 1] & 0xC0) == 0x80) q--;
        if (q > 0) q--;
        uint32_t last;
        fl_utf8_decode(sp + q, sl - q, &last);
        uint32_t next = fl_norm_peek(s, len, e);
        if (continues_unit(last, next, units[k].flags)) {
            /* 万 before 人民币 is still money: 500万人民币 */
            if (!((units[k].flags & U_BARE) && !strncmp(s + e, "人民币", strlen("人民币")))) continue;
        }
        best = &units[k];
        best_end = e;
    }
    if (best) *end = best_end;
    return best;
}

/* ---- comparators and approximations ------------------------------------------ */

typedef struct word { const char *lit; fl_qcmp cmp; bool approx; } word;
static const word prefixes[] = {
    {"≤", FL_QCMP_LE, false},    {"≦", FL_QCMP_LE, false},      {"<=", FL_QCMP_LE, false},
    {"不大于", FL_QCMP_LE, false}, {"不超过", FL_QCMP_LE, false},  {"不高于", FL_QCMP_LE, false},
    {"≥", FL_QCMP_GE, false},    {"≧", FL_QCMP_GE, false},      {">=", FL_QCMP_GE, false},
    {"不小于", FL_QCMP_GE, false}, {"不低于", FL_QCMP_GE, false},
    {"<", FL_QCMP_LT, false},     {"小于", FL_QCMP_LT, false},    {"低于", FL_QCMP_LT, false},
    {">", FL_QCMP_GT, false},     {"大于", FL_QCMP_GT, false},    {"高于", FL_QCMP_GT, false},
    {"超过", FL_QCMP_GT, false},
    {"＜", FL_QCMP_LT, false},    {"＞", FL_QCMP_GT, false},
    {"约", FL_QCMP_EQ, true},     {"大约", FL_QCMP_EQ, true},     {"近", FL_QCMP_EQ, true},
};

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    size_t n;
    while ((n = fl_norm_next(s, len, i, &cp)) && (cp == ' ' || cp == 0)) i += n;
    return i;
}

static bool starts_with(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && !memcmp(s + i, lit, n);
}

/* A prefix word at s[i] (longest): its end, or i. */
static size_t read_prefix(const char *s, size_t len, size_t i, fl_quantity *q)
{
    size_t best = i;
    uint32_t first = fl_norm_peek(s, len, i);
    if (first < 0x80 && first != '<' && first != '>') return i; /* a digit, mostly */
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t e = match_spelling(s, len, i, prefixes[k].lit);
        if (e > best) {
            best = e;
            q->cmp = prefixes[k].cmp;
            q->approx = prefixes[k].approx;
        }
    }
    return best;
}

/* A prefix word that ends right before s[at] (spaces between allowed). */
static void prefix_before(const char *s, size_t at, fl_quantity *q)
{
    while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '\t')) at--;
    if (at >= 3 && !memcmp(s + at - 3, "\xE3\x80\x80", 3)) at -= 3; /* U+3000 */
    size_t best = 0;
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t n = strlen(prefixes[k].lit);
        if (n <= at && n > best && !memcmp(s + at - n, prefixes[k].lit, n)) {
            best = n;
            q->cmp = prefixes[k].cmp;
            q->approx = prefixes[k].approx;
            q->start = at - n;
        }
    }
}

/* ---- quantities ----------------------------------------------------------------- */

static size_t read_signed(const char *s, size_t len, size_t i, fl_qnum *num)
{
    uint32_t cp;
    size_t n = fl_norm_next(s, len, i, &cp);
    if (n && cp == '-' && is_digit(fl_norm_peek(s, len, i + n))) {
        size_t e = fl_qnum_read(s, len, i + n, num);
        if (e) num->negative = true;
        return e;
    }
    return fl_qnum_read(s, len, i, num);
}

/* 余 / 多 between a number and its unit: 3000余万元. */
static size_t read_about(const char *s, size_t len, size_t i, bool *approx)
{
    if (starts_with(s, len, i, "余") || starts_with(s, len, i, "多")) {
        *approx = true;
        return i + strlen("余");
    }
    return i;
}

/* A range mark at s[i]: ~, -, 至, 到, 〜; its end, or i. */
static size_t read_range_mark(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    size_t n = fl_norm_next(s, len, i, &cp);
    if (n && (cp == '~' || cp == '-' || cp == 0x301C)) return i + n;
    if (starts_with(s, len, i, "至") || starts_with(s, len, i, "到")) return i + strlen("至");
    return i;
}

static void set_value(fl_quantity *q, const unit_row *u, const fl_qnum *lo, const fl_qnum *hi)
{
    q->unit = u->canon;
    q->dim = u->dim;
    q->value = fl_qnum_scale(lo, 0, 1);
    q->decimals = lo->decimals;
    q->base = fl_qnum_scale(lo, u->exp10, u->mult);
    q->hi = fl_qnum_scale(hi, 0, 1);
    q->hi_decimals = hi->decimals;
    q->base_hi = fl_qnum_scale(hi, u->exp10, u->mult);
}

size_t fl_quantity_parse(fl_quantity *q, const char *s, size_t len, const char *default_unit)
{
    memset(q, 0, sizeof *q);
    size_t i = skip_spaces(s, len, read_prefix(s, len, 0, q));
    fl_qnum lo, hi;
    size_t e = read_signed(s, len, i, &lo);
    if (!e) return 0;
    hi = lo;
    size_t sp = skip_spaces(s, len, e);
    size_t p = read_about(s, len, sp, &q->approx);
    size_t ue;
    const unit_row *u = read_unit(s, len, p, &ue);
    if (!u && p > sp) return 0; /* 3000余 with no unit */
    /* a range: 1~2 m, 5%～10%, 1 至 2 米 */
    size_t r = skip_spaces(s, len, u ? ue : e);
    size_t m = read_range_mark(s, len, r);
    if (m > r) {
        fl_qnum h;
        size_t he = read_signed(s, len, skip_spaces(s, len, m), &h);
        if (he) {
            size_t hp = skip_spaces(s, len, he), hue;
            const unit_row *hu = read_unit(s, len, hp, &hue);
            if (hu && (!u || hu->dim == u->dim) && (!u || hu == u || !strcmp(hu->canon, u->canon))) {
                hi = h;
                q->range = true;
                u = hu;
                ue = hue;
            } else if (!hu && u) {
                /* 5%~10 and the like: not one quantity; take the first */
            } else if (!hu && !u && default_unit && fl_norm_peek(s, len, r) != '-') { /* 3200-1 is a code */
                hi = h;
                q->range = true;
                ue = he;
            } else if (hu && u) {
                return 0; /* 2 m~3 km: mixed units, not guessed */
            }
        }
    }
    if (!u) {
        const unit_row *d = row_of_canon(default_unit);
        if (!d) return 0;
        size_t end = q->range ? ue : e;
        uint32_t next = fl_norm_peek(s, len, end);
        if (is_latin(next) || is_han(next) || next == '%' || next == '/' || next == '-' || next == '.') return 0;
        set_value(q, d, &lo, &hi);
        q->end = end;
        return end;
    }
    set_value(q, u, &lo, &hi);
    size_t end = ue;
    size_t after = skip_spaces(s, len, end);
    if (starts_with(s, len, after, "左右")) {
        q->approx = true;
        end = after + strlen("左右");
    }
    q->end = end;
    return end;
}

/* Standard codes: GB 3095-2012, GB/T 4754, HJ 2.2-2018, DB32/ 4041. A number
 * after one of these is a code, whatever follows it. */
static bool after_code(const char *s, size_t at)
{
    static const char *const codes[] = {"GB", "GB/T", "HJ", "HJ/T", "DB", "CJ", "CJJ", "JGJ", "NY", "NY/T", "SL", "AQ", "DL", "JTG", "TSG", "GBZ", "T/"};
    while (at > 0 && s[at - 1] == ' ') at--;
    size_t w = at;
    while (w > 0 && (is_latin((unsigned char)s[w - 1]) || s[w - 1] == '/' || (s[w - 1] >= '0' && s[w - 1] <= '9' && w < at))) w--;
    if (w == at) return false;
    for (size_t k = 0; k < sizeof codes / sizeof *codes; k++) {
        size_t n = strlen(codes[k]);
        if (at - w >= n && !memcmp(s + w, codes[k], n)) return true;
    }
    return false;
}

bool fl_quantity_find(fl_quantity *q, const char *s, size_t len)
{
    uint32_t prev = ' ', prev2 = ' ';
    size_t prev_at = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        if (!n) break;
        /* a number starts here: not inside one (1234 from "3", 1.5 from "5"),
         * not glued to a Latin letter (PM2.5, SO2, DA001), not a code */
        bool start = is_digit(cp) && !is_digit(prev) && prev != '.' && !(is_comma(prev) && is_digit(prev2)) &&
                     !is_latin(prev) && !(prev == '-' && is_digit(prev2)) && prev != 0xB3 && prev != 0xB2 && !after_code(s, i);
        size_t at = i;
        if (start && prev == '-' && !is_digit(prev2) && !is_latin(prev2) && prev2 != ')') at = prev_at; /* -5 ℃ */
        if (start) {
            fl_quantity t;
            size_t r = fl_quantity_parse(&t, s + at, len - at, NULL);
            if (r) {
                *q = t;
                q->start = at;
                q->end = at + r;
                prefix_before(s, at, q);
                return true;
            }
        }
        if (cp != 0) {
            prev2 = prev;
            prev = cp;
            prev_at = i;
        }
        i += n;
    }
    return false;
}

const char *fl_quantity_unit_in(const char *label)
{
    if (!label) return NULL;
    size_t len = strlen(label);
    const char *found = NULL;
    /* （万元） / (万元) / [万元] / 单位：万元 / 单位:万元 */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(label, len, i, &cp);
        if (!n) break;
        size_t from = 0;
        if (cp == '(' || cp == '[' || cp == 0x3010) from = i + n;
        else if ((cp == ':' || cp == 0xFF1A) && i >= strlen("单位") && !memcmp(label + i - strlen("单位"), "单位", strlen("单位")))
            from = i + n;
        if (from) {
            from = skip_spaces(label, len, from);
            size_t e;
            const unit_row *u = read_unit(label, len, from, &e);
            if (u) {
                uint32_t c2;
                size_t m = fl_norm_next(label, len, skip_spaces(label, len, e), &c2);
                if (!m || c2 == ')' || c2 == ']' || c2 == 0x3011 || c2 == ' ' || c2 == 0xFF0C || c2 == ',' ||
                    c2 == 0x3001 || c2 == ';' || c2 == 0x3002) {
                    /* 面积(m2)/长度(km): two units named, the value's is not known */
                    if (found && strcmp(found, u->canon)) return NULL;
                    found = u->canon;
                }
            }
        }
        i += n;
    }
    return found;
}

bool fl_quantity_admits(const fl_quantity *q, double x)
{
    double half = 0.5 / pow10_exact(q->decimals);
    double slack = 1e-9 * (fabs(q->value) > 1 ? fabs(q->value) : 1);
    return x >= q->value - half - slack && x <= q->value + half + slack;
}

double fl_quantity_emission_ta(double conc_mg_m3, double flow_m3_h, double hours_a)
{
    return conc_mg_m3 * flow_m3_h * hours_a * 1e-9; /* mg -> t */
}

char *fl_quantity_num_text(char *buf, size_t n, double v, int decimals)
{
    if (decimals < 0) decimals = 0;
    if (decimals > 12) decimals = 12;
    snprintf(buf, n, "%.*f", decimals, v);
    return buf;
}

char *fl_quantity_text(char *buf, size_t n, const fl_quantity *q)
{
    static const char *const cmp[] = {"", "≤", "<", "≥", ">"};
    char lo[48], hi[48];
    fl_quantity_num_text(lo, sizeof lo, q->value, q->decimals);
    fl_quantity_num_text(hi, sizeof hi, q->hi, q->hi_decimals);
    snprintf(buf, n, "%s%s%s%s%s%s", q->approx ? "约" : "", q->cmp <= FL_QCMP_GT ? cmp[q->cmp] : "", lo,
             q->range ? "~" : "", q->range ? hi : "", q->unit ? q->unit : "");
    return buf;
}
