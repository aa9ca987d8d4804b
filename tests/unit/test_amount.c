/* Unit tests for core/amount: every unit, separators, full-width digits,
 * unit_default, and what is not an amount. Values are compared exactly:
 * the parser is built so that 12000元 gives the same double as 1.2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/amount.h"

typedef struct parse_case {
    const char *in;
    double unit_default;
    const char *match; /* prefix consumed; NULL: not an amount */
    double wan;
} parse_case;

static void test_parse(void **state)
{
    (void)state;
    static const parse_case cases[] = {
        /* units */
        {"12000元", 0, "12000元", 1.2},
        {"1元", 0, "1元", 0.0001},
        {"500万元", 0, "500万元", 500},
        {"500万", 0, "500万", 500},
        {"1.2亿元", 0, "1.2亿元", 12000},
        {"1.2亿", 0, "1.2亿", 12000},
        {"5千元", 0, "5千元", 0.5},
        {"3百万元", 0, "3百万元", 300},
        {"2千万元", 0, "2千万元", 2000},
        {"0.5万元", 0, "0.5万元", 0.5},
        {"0.05亿元", 0, "0.05亿元", 500},
        {"123.45元", 0, "123.45元", 0.012345},
        /* separators and spaces */
        {"1,234.5万元", 0, "1,234.5万元", 1234.5},
        {"1234.5 万元", 0, "1234.5 万元", 1234.5},
        {"500　万元", 0, "500　万元", 500},
        {"1,234,567元", 0, "1,234,567元", 123.4567},
        {"1，234万元", 0, "1，234万元", 1234},
        {"12,345.67万元", 0, "12,345.67万元", 12345.67},
        /* full width */
        {"３００万元", 0, "３００万元", 300},
        {"１２３４．５万元", 0, "１２３４．５万元", 1234.5},
        {"１，２３４元", 0, "１，２３４元", 0.1234},
        {"１,２３４万元", 0, "１,２３４万元", 1234},
        /* what follows the unit */
        {"500万元。", 0, "500万元", 500},
        {"500万元人民币", 0, "500万元", 500},
        {"500万人民币", 0, "500万", 500},
        {"500万，其中", 0, "500万", 500},
        {"500万)", 0, "500万", 500},
        {"1.2亿元左右", 0, "1.2亿元", 12000},
        {"300元，", 0, "300元", 0.03},
        {"3000余万元", 0, "3000余万元", 3000},
        {"300多元", 0, "300多元", 0.03},
        {"300多人", 0, NULL, 0},
        {"300余", 10000, NULL, 0},
        /* unit_default: the multiplier to 元 of a bare number */
        {"100", 10000, "100", 100},
        {"100", 1, "100", 0.01},
        {"100", 1e8, "100", 1000000},
        {"100", 1000, "100", 10},
        {"1.5", 10000, "1.5", 1.5},
        {"1,234", 10000, "1,234", 1234},
        {"540", 10000, "540", 540},
        {"6.00", 10000, "6.00", 6},
        {"100 ", 10000, "100", 100},
        {"100。", 10000, "100", 100},
        {"12.5", 2.5, "12.5", 12.5 * 2.5 / 10000},
        {"100万元", 1, "100万元", 100},      /* a unit wins over the default */
        {"12000元", 10000, "12000元", 1.2},
        /* rejected */
        {"100", 0, NULL, 0},
        {"100", -1, NULL, 0},
        {"万元", 0, NULL, 0},
        {"abc", 0, NULL, 0},
        {"", 0, NULL, 0},
        {".5万元", 0, NULL, 0},
        {"5吨", 0, NULL, 0},
        {"5.万元", 0, NULL, 0},
        {"1,23万元", 0, NULL, 0},
        {"1,2345万元", 0, NULL, 0},
        {"1234,567万元", 0, NULL, 0},
        {"1,234,56元", 0, NULL, 0},
        {"1.2.3万元", 0, NULL, 0},
        {"1.5,3万元", 0, NULL, 0},
        {"5万平方米", 0, NULL, 0},
        {"5万人", 0, NULL, 0},
        {"5万吨", 0, NULL, 0},
        {"2亿年", 0, NULL, 0},
        {"100万美元", 0, NULL, 0},
        {"500元/吨", 0, NULL, 0},
        {"500元／吨", 0, NULL, 0},
        {"20万元/年", 0, NULL, 0},
        {"5千米", 0, NULL, 0},
        {"5百米", 0, NULL, 0},
        {"1234567890123456789元", 0, NULL, 0},
        {"5万平方米", 10000, NULL, 0},
        {"50%", 10000, NULL, 0},
        {"5/8", 10000, NULL, 0},
        {"5吨", 10000, NULL, 0},
        {"GB", 10000, NULL, 0},
        {"1.2.3", 10000, NULL, 0},
        {"2024年", 10000, NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const parse_case *c = &cases[i];
        double wan = -42;
        size_t n = fl_amount_parse(&wan, c->in, strlen(c->in), c->unit_default);
        size_t want = c->match ? strlen(c->match) : 0;
        if (n != want)
            fail_msg("case %zu \"%s\" (default %g): consumed %zu, want %zu", i, c->in,
                     c->unit_default, n, want);
        if (c->match && wan != c->wan)
            fail_msg("case %zu \"%s\": got %.17g, want %.17g", i, c->in, wan, c->wan);
        if (!c->match && wan != -42) fail_msg("case %zu \"%s\": output written", i, c->in);
    }
}

static void test_parse_len(void **state)
{
    (void)state;
    double wan = 0;
    /* the length cuts the unit: 万 of 万元 alone is still a unit */
    assert_int_equal(fl_amount_parse(&wan, "500万元", strlen("500万"), 0), strlen("500万"));
    assert_true(wan == 500);
    assert_int_equal(fl_amount_parse(&wan, "500万元", 3, 0), 0);
    assert_int_equal(fl_amount_parse(&wan, "500万元", 2, 10000), 2);
    assert_true(wan == 50);
}

typedef struct find_case {
    const char *in;
    const char *before; /* NULL: none */
    const char *match;
    double wan;
} find_case;

static void test_find(void **state)
{
    (void)state;
    static const find_case cases[] = {
        {"总投资为1,234.5万元，其中", "总投资为", "1,234.5万元", 1234.5},
        {"占地5万平方米，投资300万元", "占地5万平方米，投资", "300万元", 300},
        {"共1,234人，投资12000元", "共1,234人，投资", "12000元", 1.2},
        {"单价500元/吨，总价2万元", "单价500元/吨，总价", "2万元", 2},
        {"2024年投资100万元", "2024年投资", "100万元", 100},
        {"申请中央资金１，２００万元", "申请中央资金", "１，２００万元", 1200},
        {"约1.5亿元", "约", "1.5亿元", 15000},
        {"1.5万元", "", "1.5万元", 1.5},
        {"(300 万元)", "(", "300 万元", 300},
        {"编号12,345,67万元；另有8万元", "编号12,345,67万元；另有", "8万元", 8},
        {"版本1.2.3万元，共4元", "版本1.2.3万元，共", "4元", 0.0004},
        {"GB 3095-2012", NULL, NULL, 0},
        {"总投资（万元）", NULL, NULL, 0},
        {"5万平方米", NULL, NULL, 0},
        {"监测3次", NULL, NULL, 0},
        {"", NULL, NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const find_case *c = &cases[i];
        double wan = -1;
        size_t start = 999;
        size_t n = fl_amount_find(&wan, c->in, strlen(c->in), &start);
        size_t want = c->match ? strlen(c->match) : 0;
        if (n != want) fail_msg("case %zu \"%s\": length %zu, want %zu", i, c->in, n, want);
        if (!c->match) continue;
        if (start != strlen(c->before))
            fail_msg("case %zu \"%s\": start %zu, want %zu", i, c->in, start, strlen(c->before));
        if (wan != c->wan) fail_msg("case %zu \"%s\": got %.17g, want %.17g", i, c->in, wan, c->wan);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_len),
        cmocka_unit_test(test_find),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
