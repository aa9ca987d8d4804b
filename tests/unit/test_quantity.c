/* Unit tests for core/quantity: the spellings filings use for the same
 * quantity (full-width digits and brackets, spaces from PDF copies, 吨/年
 * against t/a, m3 against m³), ranges and comparators reported as such,
 * conversion to base units, the rounding a written value allows, and what
 * is not a quantity (codes, section and table numbers, dates, counts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "core/quantity.h"

typedef struct find_case {
    const char *in;
    const char *match;   /* the text read, NULL: no quantity */
    double value;
    const char *unit;
    fl_dim dim;
    double base;
} find_case;

static bool near(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1); }

static void test_find(void **state)
{
    (void)state;
    static const find_case cases[] = {
        /* ratios */
        {"占比12.6%", "12.6%", 12.6, "%", FL_DIM_RATIO, 12.6},
        {"占比12.6 %", "12.6 %", 12.6, "%", FL_DIM_RATIO, 12.6},
        {"占比１２.６％", "１２.６％", 12.6, "%", FL_DIM_RATIO, 12.6},
        {"占比１２．６％。", "１２．６％", 12.6, "%", FL_DIM_RATIO, 12.6},
        {"去除率5‰", "5‰", 5, "‰", FL_DIM_RATIO, 0.5},
        /* sound levels */
        {"昼间65dB(A)", "65dB(A)", 65, "dB(A)", FL_DIM_SOUND, 65},
        {"昼间65 dB（A）", "65 dB（A）", 65, "dB(A)", FL_DIM_SOUND, 65},
        {"昼间65 dB (A)，夜间", "65 dB (A)", 65, "dB(A)", FL_DIM_SOUND, 65},
        {"噪声 58.3dBA", "58.3dBA", 58.3, "dB(A)", FL_DIM_SOUND, 58.3},
        {"声压级85分贝", "85分贝", 85, "dB", FL_DIM_SOUND, 85},
        /* lengths */
        {"距厂界320 m", "320 m", 320, "m", FL_DIM_LENGTH, 320},
        {"距厂界320米处", "320米", 320, "m", FL_DIM_LENGTH, 320},
        {"排气筒15m高", "15m", 15, "m", FL_DIM_LENGTH, 15},
        {"管线长1.2km", "1.2km", 1.2, "km", FL_DIM_LENGTH, 1200},
        {"线路全长3.5公里", "3.5公里", 3.5, "km", FL_DIM_LENGTH, 3500},
        /* money, base 万元 */
        {"投资1.2万元", "1.2万元", 1.2, "万元", FL_DIM_MONEY, 1.2},
        {"投资1,200 万元", "1,200 万元", 1200, "万元", FL_DIM_MONEY, 1200},
        {"投资１，２００万元", "１，２００万元", 1200, "万元", FL_DIM_MONEY, 1200},
        {"投资12000元", "12000元", 12000, "元", FL_DIM_MONEY, 1.2},
        {"投资1.5亿元", "1.5亿元", 1.5, "亿元", FL_DIM_MONEY, 15000},
        {"投资500万人民币", "500万", 500, "万元", FL_DIM_MONEY, 500},
        {"投资3000余万元", "3000余万元", 3000, "万元", FL_DIM_MONEY, 3000},
        /* mass per year */
        {"排放量0.35t/a", "0.35t/a", 0.35, "t/a", FL_DIM_MASS_RATE, 0.35},
        {"排放量0.35 吨/年", "0.35 吨/年", 0.35, "t/a", FL_DIM_MASS_RATE, 0.35},
        {"排放量0.35 t / a。", "0.35 t / a", 0.35, "t/a", FL_DIM_MASS_RATE, 0.35},
        {"产生量350 kg/a", "350 kg/a", 350, "kg/a", FL_DIM_MASS_RATE, 0.35},
        {"年产5万吨/年", "5万吨/年", 5, "万t/a", FL_DIM_MASS_RATE, 50000},
        /* concentration, flow, time */
        {"浓度2.4mg/m³", "2.4mg/m³", 2.4, "mg/m³", FL_DIM_CONC, 2.4},
        {"浓度2.4 mg/m3", "2.4 mg/m3", 2.4, "mg/m³", FL_DIM_CONC, 2.4},
        {"浓度2.4mg/Nm3", "2.4mg/Nm3", 2.4, "mg/m³", FL_DIM_CONC, 2.4},
        {"PM10 35μg/m³", "35μg/m³", 35, "μg/m³", FL_DIM_CONC, 0.035},
        {"COD 50mg/L", "50mg/L", 50, "mg/L", FL_DIM_CONC, 50000},
        {"风量8000m³/h", "8000m³/h", 8000, "m³/h", FL_DIM_FLOW, 8000},
        {"风量8000 Nm3/h", "8000 Nm3/h", 8000, "m³/h", FL_DIM_FLOW, 8000},
        {"风量2.5万m3/h", "2.5万m3/h", 2.5, "万m³/h", FL_DIM_FLOW, 25000},
        {"年运行2400h/a", "2400h/a", 2400, "h/a", FL_DIM_TIME_RATE, 2400},
        {"年运行2400 小时/年", "2400 小时/年", 2400, "h/a", FL_DIM_TIME_RATE, 2400},
        {"废水量12 m³/d", "12 m³/d", 12, "m³/d", FL_DIM_WATER_DAY, 12},
        {"占地面积1200m²", "1200m²", 1200, "m²", FL_DIM_AREA, 1200},
        {"占地面积1200平方米", "1200平方米", 1200, "m²", FL_DIM_AREA, 1200},
        {"占地5万平方米", "5万平方米", 5, "万m²", FL_DIM_AREA, 50000},
        {"占地3亩", "3亩", 3, "亩", FL_DIM_AREA, 2000},
        /* soil projects: farmland in 亩/万亩/公顷, earthworks in 方/万方 */
        {"治理面积1.2万亩", "1.2万亩", 1.2, "万亩", FL_DIM_AREA, 8000000},
        {"治理面积12.5公顷", "12.5公顷", 12.5, "hm²", FL_DIM_AREA, 125000},
        {"修复土方量3.2万方，", "3.2万方", 3.2, "万m³", FL_DIM_VOLUME, 32000},
        {"清挖土方12000方。", "12000方", 12000, "m³", FL_DIM_VOLUME, 12000},
        {"气温-5℃", "-5℃", -5, "℃", FL_DIM_TEMP, -5},
        /* the first with a unit, after codes and plain numbers */
        {"SO2 0.35t/a", "0.35t/a", 0.35, "t/a", FL_DIM_MASS_RATE, 0.35},
        {"DA001排气筒高15m", "15m", 15, "m", FL_DIM_LENGTH, 15},
        {"执行GB 12348-2008 3类标准，昼间65dB(A)", "65dB(A)", 65, "dB(A)", FL_DIM_SOUND, 65},
        {"见表3-1，距离120m", "120m", 120, "m", FL_DIM_LENGTH, 120},
        {"2021年3月投资20万元", "20万元", 20, "万元", FL_DIM_MONEY, 20},
        /* not quantities */
        {"GB 3095-2012", NULL, 0, NULL, 0, 0},
        {"HJ 2.2-2018 附录", NULL, 0, NULL, 0, 0},
        {"HJ 2.2-2018 m", NULL, 0, NULL, 0, 0},
        {"见2.2 节", NULL, 0, NULL, 0, 0},
        {"见表 3-1", NULL, 0, NULL, 0, 0},
        {"项目代码2101-320506-89-01-123456", NULL, 0, NULL, 0, 0},
        {"2021年3月5日", NULL, 0, NULL, 0, 0},
        {"2021-03-05", NULL, 0, NULL, 0, 0},
        {"PM2.5 浓度", NULL, 0, NULL, 0, 0},
        {"一期工程", NULL, 0, NULL, 0, 0},
        {"一百万元", NULL, 0, NULL, 0, 0},
        {"共1万人", NULL, 0, NULL, 0, 0},
        {"运行5 min", NULL, 0, NULL, 0, 0},
        {"比选3方案", NULL, 0, NULL, 0, 0},
        {"从2方面说明", NULL, 0, NULL, 0, 0},
        {"单价500元/吨", NULL, 0, NULL, 0, 0},
        {"3 times", NULL, 0, NULL, 0, 0},
        {"版本1.2.3m", NULL, 0, NULL, 0, 0},
        {"", NULL, 0, NULL, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const find_case *c = &cases[i];
        fl_quantity q;
        bool got = fl_quantity_find(&q, c->in, strlen(c->in));
        if (got != (c->match != NULL))
            fail_msg("case %zu \"%s\": found %d, want %d (%.*s)", i, c->in, got, c->match != NULL,
                     got ? (int)(q.end - q.start) : 0, got ? c->in + q.start : "");
        if (!got) continue;
        const char *at = strstr(c->in, c->match);
        if ((size_t)(at - c->in) != q.start || q.end - q.start != strlen(c->match))
            fail_msg("case %zu \"%s\": read \"%.*s\", want \"%s\"", i, c->in, (int)(q.end - q.start), c->in + q.start, c->match);
        if (!near(q.value, c->value) || strcmp(q.unit, c->unit) || q.dim != c->dim || !near(q.base, c->base))
            fail_msg("case %zu \"%s\": %g %s (%s) base %g; want %g %s base %g", i, c->in, q.value, q.unit,
                     fl_quantity_dim_name(q.dim), q.base, c->value, c->unit, c->base);
        if (q.range || q.cmp != FL_QCMP_EQ) fail_msg("case %zu \"%s\": a range or comparator", i, c->in);
    }
}

/* Money is exact, like core/amount: the base value is one rounding away. */
static void test_exact(void **state)
{
    (void)state;
    fl_quantity q;
    assert_true(fl_quantity_find(&q, "12000元", strlen("12000元")));
    assert_true(q.base == 1.2);
    assert_true(fl_quantity_find(&q, "0.05亿元", strlen("0.05亿元")));
    assert_true(q.base == 500);
    assert_int_equal(q.decimals, 2);
}

typedef struct shape_case {
    const char *in;
    bool range, approx;
    fl_qcmp cmp;
    double lo, hi;
    const char *unit;
} shape_case;

/* Ranges, comparators and approximations are reported, never resolved. */
static void test_shapes(void **state)
{
    (void)state;
    static const shape_case cases[] = {
        {"埋深1~2 m", true, false, FL_QCMP_EQ, 1, 2, "m"},
        {"埋深1～2m", true, false, FL_QCMP_EQ, 1, 2, "m"},
        {"埋深1-2 m", true, false, FL_QCMP_EQ, 1, 2, "m"},
        {"埋深1至2米", true, false, FL_QCMP_EQ, 1, 2, "m"},
        {"比例5%~10%", true, false, FL_QCMP_EQ, 5, 10, "%"},
        {"标准值≤ 60 dB(A)", false, false, FL_QCMP_LE, 60, 60, "dB(A)"},
        {"标准值≤60dB(A)", false, false, FL_QCMP_LE, 60, 60, "dB(A)"},
        {"浓度不大于 50 mg/L", false, false, FL_QCMP_LE, 50, 50, "mg/L"},
        {"浓度＜0.5mg/m³", false, false, FL_QCMP_LT, 0.5, 0.5, "mg/m³"},
        {"距离大于 200 m", false, false, FL_QCMP_GT, 200, 200, "m"},
        {"总投资约5000万元", false, true, FL_QCMP_EQ, 5000, 5000, "万元"},
        {"总投资5000万元左右", false, true, FL_QCMP_EQ, 5000, 5000, "万元"},
        {"总投资3000余万元", false, true, FL_QCMP_EQ, 3000, 3000, "万元"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const shape_case *c = &cases[i];
        fl_quantity q;
        if (!fl_quantity_find(&q, c->in, strlen(c->in))) fail_msg("case %zu \"%s\": not found", i, c->in);
        if (q.range != c->range || q.approx != c->approx || q.cmp != c->cmp || !near(q.value, c->lo) ||
            !near(q.hi, c->hi) || strcmp(q.unit, c->unit))
            fail_msg("case %zu \"%s\": range %d approx %d cmp %d %g..%g %s", i, c->in, q.range, q.approx, q.cmp, q.value,
                     q.hi, q.unit);
    }
    /* 2 m~3 km: mixed units are not one range, and not guessed */
    fl_quantity q;
    assert_int_equal(fl_quantity_parse(&q, "2 m~3 km", strlen("2 m~3 km"), NULL), 0);
}

typedef struct bare_case {
    const char *in, *unit;
    size_t len;     /* consumed, 0: none */
    double base;
} bare_case;

/* A bare number in a cell whose label names the unit. */
static void test_default_unit(void **state)
{
    (void)state;
    static const bare_case cases[] = {
        {"3200", "万元", 4, 3200},
        {"3200 ", "万元", 4, 3200},
        {"1.49", "%", 4, 1.49},
        {"320万元", "%", strlen("320万元"), 320}, /* the written unit wins */
        {"12000元", "万元", strlen("12000元"), 1.2},
        {"3200（含）", "万元", 4, 3200},
        {"3200-1", "万元", 0, 0},
        {"3200－1", "万元", 0, 0},
        {"3~5", "万元", 3, 3},
        {"3200年", "万元", 0, 0},
        {"3200", NULL, 0, 0},
        {"3200", "unknown", 0, 0},
        {"一百", "万元", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const bare_case *c = &cases[i];
        fl_quantity q;
        size_t n = fl_quantity_parse(&q, c->in, strlen(c->in), c->unit);
        if (n != c->len) fail_msg("case %zu \"%s\": consumed %zu, want %zu", i, c->in, n, c->len);
        if (n && !near(q.base, c->base)) fail_msg("case %zu \"%s\": base %g, want %g", i, c->in, q.base, c->base);
    }
}

static void test_unit_in(void **state)
{
    (void)state;
    static const struct { const char *label, *unit; } cases[] = {
        {"总投资（万元）", "万元"},
        {"总投资(万元)", "万元"},
        {"环保投资占比（%）", "%"},
        {"环保投资占比（％）", "%"},
        {"投资估算（万元）", "万元"},
        {"单位：万元", "万元"},
        {"表4-1 环保投资一览表 单位：万元", "万元"},
        {"浓度（mg/m³）", "mg/m³"},
        {"环保投资占总投资比例", NULL},
        {"用地(用海)面积(m2)/长度(km)", NULL},
        {"投资（万元）（万元）", "万元"},
        {"总投资", NULL},
        {"项目（一期）", NULL},
        {"（万元人民币）", NULL},
        {NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *u = fl_quantity_unit_in(cases[i].label);
        if ((u == NULL) != (cases[i].unit == NULL) || (u && strcmp(u, cases[i].unit)))
            fail_msg("case %zu \"%s\": %s, want %s", i, cases[i].label ? cases[i].label : "(null)", u ? u : "(none)",
                     cases[i].unit ? cases[i].unit : "(none)");
    }
    assert_int_equal(fl_quantity_unit_dim("万元"), FL_DIM_MONEY);
    assert_int_equal(fl_quantity_unit_dim("t/a"), FL_DIM_MASS_RATE);
    assert_int_equal(fl_quantity_unit_dim("furlong"), FL_DIM_NONE);
    assert_string_equal(fl_quantity_base_unit(FL_DIM_MASS_RATE), "t/a");
    assert_string_equal(fl_quantity_dim_name(FL_DIM_CONC), "concentration");
}

/* 1.5 % written with one decimal stands for 1.45..1.55; 15/100 = 15 % but
 * 15/1000 = 1.5 %. */
static void test_admits(void **state)
{
    (void)state;
    fl_quantity q;
    assert_true(fl_quantity_find(&q, "1.5%", 4));
    assert_true(fl_quantity_admits(&q, 1.5));
    assert_true(fl_quantity_admits(&q, 1.45));
    assert_true(fl_quantity_admits(&q, 1.55));
    assert_true(fl_quantity_admits(&q, 1.488));
    assert_false(fl_quantity_admits(&q, 15));
    assert_false(fl_quantity_admits(&q, 1.56));
    assert_false(fl_quantity_admits(&q, 1.44));
    assert_true(fl_quantity_find(&q, "3%", 2));
    assert_true(fl_quantity_admits(&q, 2.5));
    assert_true(fl_quantity_admits(&q, 3.49));
    assert_false(fl_quantity_admits(&q, 3.6));
    assert_true(fl_quantity_find(&q, "8.00%", strlen("8.00%")));
    assert_true(fl_quantity_admits(&q, 960.0 / 12000 * 100));
    assert_false(fl_quantity_admits(&q, 8.01));
}

/* mg/m³ × m³/h × h/a in t/a: 20 mg/m³ at 10000 m³/h for 2400 h is 0.48 t/a. */
static void test_emission(void **state)
{
    (void)state;
    assert_true(near(fl_quantity_emission_ta(20, 10000, 2400), 0.48));
    fl_quantity c, f, h;
    const char *s = "浓度20mg/m3，风量1万m3/h，年运行2400h/a";
    assert_true(fl_quantity_find(&c, s, strlen(s)));
    assert_true(fl_quantity_find(&f, s + c.end, strlen(s) - c.end));
    size_t off = c.end + f.end;
    assert_true(fl_quantity_find(&h, s + off, strlen(s) - off));
    assert_true(near(fl_quantity_emission_ta(c.base, f.base, h.base), 0.48));
}

/* Long runs stay linear: a run of digits, of separators, of units. */
static void test_long(void **state)
{
    (void)state;
    static char buf[200001];
    for (size_t i = 0; i < sizeof buf - 1; i++) buf[i] = (char)('0' + i % 10);
    fl_quantity q;
    assert_false(fl_quantity_find(&q, buf, sizeof buf - 1));
    for (size_t i = 0; i + 2 < sizeof buf - 1; i += 2) buf[i] = '1', buf[i + 1] = ',';
    assert_false(fl_quantity_find(&q, buf, sizeof buf - 1));
    for (size_t i = 0; i < sizeof buf - 1; i++) buf[i] = i % 2 ? 'm' : '1';
    assert_false(fl_quantity_find(&q, buf, sizeof buf - 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),       cmocka_unit_test(test_exact),    cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_default_unit), cmocka_unit_test(test_unit_in), cmocka_unit_test(test_admits),
        cmocka_unit_test(test_emission),   cmocka_unit_test(test_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
