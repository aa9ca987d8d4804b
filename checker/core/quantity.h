/* Numbers with units as filings write them: 12.6%, ６５ dB（A）, 320米,
 * 1,200 万元, 0.35 吨/年, 2.4 mg/m³, 8000 Nm3/h, ≤ 60 dB(A), 1~2 m. One
 * linear scanner for every rule that compares what a filing says with what
 * it says elsewhere; no pattern per rule.
 *
 * A quantity is a number followed by a unit of the table in quantity.c (or
 * a bare number where the caller knows the unit: a column headed （万元）).
 * What is read: the value as written and its decimals (the rounding the
 * writer allows: 1.5 stands for 1.45..1.55), a range (1~2 m, 5%～10%), a
 * comparator in front (≤, <, 不大于, 不超过 ...) or an approximation (约,
 * 左右, 余, 多), the unit, its dimension, and the value in the dimension's
 * base unit (万元, t/a, mg/m³, m³/h, ...). A comparator or a range is
 * reported, never resolved into one value: the caller decides.
 *
 * Not read: numbers without a unit (2.2 节, 表 3-1, 项目代码 digits, dates
 * such as 2021年3月 — 年 and 月 are no units), codes (GB 3095-2012, HJ
 * 2.2-2018, PM2.5: a number right after a Latin letter), and Chinese
 * numerals (一百万元): filings write amounts and measurements in Arabic
 * digits, and Chinese numerals are mostly ordinals there (一期, 三类区, 二级),
 * so reading them would cost precision for almost no recall. */
#ifndef FL_QUANTITY_H
#define FL_QUANTITY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a unit measures; each has one base unit (fl_quantity_base_unit).
 * Amounts per year and per hour are different dimensions on purpose: a
 * filing's t/a is kg/h times its own operating hours, not 8760 h. */
typedef enum fl_dim {
    FL_DIM_NONE = 0,
    FL_DIM_MONEY,      /* 万元 */
    FL_DIM_RATIO,      /* % */
    FL_DIM_SOUND,      /* dB(A) */
    FL_DIM_LENGTH,     /* m */
    FL_DIM_AREA,       /* m² */
    FL_DIM_VOLUME,     /* m³ */
    FL_DIM_MASS,       /* t */
    FL_DIM_MASS_RATE,  /* t/a */
    FL_DIM_MASS_FLOW,  /* kg/h */
    FL_DIM_CONC,       /* mg/m³ (mg/L = 1000 mg/m³) */
    FL_DIM_FLOW,       /* m³/h (Nm³/h counted alike) */
    FL_DIM_WATER_DAY,  /* m³/d */
    FL_DIM_WATER_YEAR, /* m³/a */
    FL_DIM_TIME_RATE,  /* h/a */
    FL_DIM_DAY_RATE,   /* d/a */
    FL_DIM_TEMP,       /* ℃ */
    FL_DIM_COUNT_
} fl_dim;

typedef enum fl_qcmp {
    FL_QCMP_EQ = 0,
    FL_QCMP_LE,     /* ≤, 不大于, 不超过, 不高于 */
    FL_QCMP_LT,     /* <, 小于, 低于 */
    FL_QCMP_GE,     /* ≥, 不小于, 不低于 */
    FL_QCMP_GT,     /* >, 大于, 高于, 超过 */
} fl_qcmp;

/* A decimal number as written: mant × 10^-decimals, exactly. */
typedef struct fl_qnum {
    uint64_t mant;
    int decimals;
    bool negative;
} fl_qnum;

typedef struct fl_quantity {
    double value, hi;     /* as written, in unit; hi == value unless range */
    int decimals;         /* of value: digits after the point */
    int hi_decimals;
    bool range;           /* 1~2 m */
    bool approx;          /* 约, 左右, 余, 多, 近 */
    fl_qcmp cmp;          /* a comparator written in front */
    const char *unit;     /* canonical spelling (static): 万元, %, dB(A), t/a, mg/m³ ... */
    fl_dim dim;
    double base, base_hi; /* value and hi in the dimension's base unit */
    size_t start, end;    /* bytes of the input read, comparator and approximation words included */
} fl_quantity;

/* The number at s[i]: 1234, 1,234.5, １２３４．５. Returns its end, 0 if
 * the text there is not one whole number (a separator that does not group
 * three digits, a second decimal point: a list, a version, a code). */
size_t fl_qnum_read(const char *s, size_t len, size_t i, fl_qnum *out);
/* mant × 10^(exp10 - decimals) × mult with a single rounding when mult is 1:
 * 12000 at exp10 -4 is exactly the double 1.2. */
double fl_qnum_scale(const fl_qnum *n, int exp10, double mult);

/* Parse a quantity at the start of s (a comparator or 约 may come first).
 * default_unit: the unit of a bare number (a canonical spelling, e.g. "万元"
 * from a label 总投资（万元）), NULL when a unit must be written. A unit
 * written wins over default_unit. Returns bytes consumed, 0 if none. */
size_t fl_quantity_parse(fl_quantity *q, const char *s, size_t len, const char *default_unit);
/* The first quantity with a written unit in s; q->start/end locate it. */
bool fl_quantity_find(fl_quantity *q, const char *s, size_t len);
/* The unit a label or header names in brackets or after 单位: "总投资（万元）",
 * "环保投资占比（%）", "单位：万元", "浓度 mg/m³". The canonical spelling, NULL
 * when none. */
const char *fl_quantity_unit_in(const char *label);
/* Dimension of a canonical unit spelling; FL_DIM_NONE if unknown. */
fl_dim fl_quantity_unit_dim(const char *unit);
const char *fl_quantity_base_unit(fl_dim dim);
const char *fl_quantity_dim_name(fl_dim dim); /* "money", "ratio", ... (dump, JSON) */

/* q as a reader would write it, in buf (size n, NUL-terminated): "1.5%",
 * "≤60dB(A)", "1~2m", "约5000万元" — the value's decimals as written.
 * Returns buf. */
char *fl_quantity_text(char *buf, size_t n, const fl_quantity *q);
/* A number with the decimals given, trailing zeros kept ("8.00"). */
char *fl_quantity_num_text(char *buf, size_t n, double v, int decimals);

/* Could the written value q (a single value, not a range) be x rounded to
 * q's decimals? 1.5 admits 1.45 <= x <= 1.55 (with a hair of slack for
 * binary fractions). */
bool fl_quantity_admits(const fl_quantity *q, double x);
/* The yearly mass of an emission: mg/m³ × m³/h × h/a, in t/a. */
double fl_quantity_emission_ta(double conc_mg_m3, double flow_m3_h, double hours_a);
#endif
