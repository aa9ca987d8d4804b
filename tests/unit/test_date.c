/* Unit tests for core/date: every written form (OCR'd zeros in Chinese
 * years, digits spaced by a PDF copy), impossible dates, things that look
 * like dates but are not (standard codes, phone numbers, planning periods),
 * date forms left blank, the coarser-precision comparison and the calendar
 * arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/date.h"

typedef struct parse_case {
    const char *in;
    const char *match; /* the prefix that must be consumed; NULL: no date */
    int y, m, d;
} parse_case;

static void test_parse(void **state)
{
    (void)state;
    static const parse_case cases[] = {
        {"2024年5月8日", "2024年5月8日", 2024, 5, 8},
        {"2024年05月08日", "2024年05月08日", 2024, 5, 8},
        {"2024 年 5 月 8 日", "2024 年 5 月 8 日", 2024, 5, 8},
        {"2024　年　5　月　8　日", "2024　年　5　月　8　日", 2024, 5, 8},
        {"2024年12月31日起", "2024年12月31日", 2024, 12, 31},
        {"2024年5月8号", "2024年5月8号", 2024, 5, 8},
        {"2024年2月29日", "2024年2月29日", 2024, 2, 29},
        {"2000年2月29日", "2000年2月29日", 2000, 2, 29},
        {"2024年5月", "2024年5月", 2024, 5, 0},
        {"2024年5月份", "2024年5月", 2024, 5, 0},
        {"2024年5月8", "2024年5月", 2024, 5, 0},
        {"2024年5月 至6月", "2024年5月", 2024, 5, 0},
        {"2024年", "2024年", 2024, 0, 0},
        {"2024年度", "2024年", 2024, 0, 0},
        {"2024 年", "2024 年", 2024, 0, 0},
        {"2024年第一季度", "2024年", 2024, 0, 0},
        {"2024年1-3月", "2024年", 2024, 0, 0},
        {"1900年", "1900年", 1900, 0, 0},
        {"2100年12月31日", "2100年12月31日", 2100, 12, 31},
        {"2024年五月", "2024年五月", 2024, 5, 0},
        /* Chinese numerals */
        {"二〇二三年九月", "二〇二三年九月", 2023, 9, 0},
        {"二○二三年九月十日", "二○二三年九月十日", 2023, 9, 10},
        {"二零二三年十二月三十一日", "二零二三年十二月三十一日", 2023, 12, 31},
        {"二〇二三年十一月二十日", "二〇二三年十一月二十日", 2023, 11, 20},
        {"二〇二三年一月十五日", "二〇二三年一月十五日", 2023, 1, 15},
        {"二〇二四年二月二十九日", "二〇二四年二月二十九日", 2024, 2, 29},
        {"一九九九年", "一九九九年", 1999, 0, 0},
        {"二〇二三 年 九 月", "二〇二三 年 九 月", 2023, 9, 0},
        {"二O二三年九月", "二O二三年九月", 2023, 9, 0},
        {"二〇二三年九月编制", "二〇二三年九月", 2023, 9, 0},
        /* the zero as typed or OCR'd on real covers: O, o, 0, ○ */
        {"二O一三年十月", "二O一三年十月", 2013, 10, 0},
        {"二o一九年四月", "二o一九年四月", 2019, 4, 0},
        {"二0一六年十二月", "二0一六年十二月", 2016, 12, 0},
        {"二０一六年十二月", "二０一六年十二月", 2016, 12, 0},
        {"二〇〇八年五月", "二〇〇八年五月", 2008, 5, 0},
        {"二OO八年五月", "二OO八年五月", 2008, 5, 0},
        {"二零一八年七月", "二零一八年七月", 2018, 7, 0},
        /* digits one space apart (PDF copy) */
        {"2 0 2 1 年 5 月", "2 0 2 1 年 5 月", 2021, 5, 0},
        {"2 0 2 1 年", "2 0 2 1 年", 2021, 0, 0},
        {"2 0 2 1年1 2月3 1日", "2 0 2 1年1 2月3 1日", 2021, 12, 31},
        {"2　0　2　1　年　5　月", "2　0　2　1　年　5　月", 2021, 5, 0},
        {"２ ０ ２ １ 年 ５ 月", "２ ０ ２ １ 年 ５ 月", 2021, 5, 0},
        {"二 〇 一 九 年 四 月", "二 〇 一 九 年 四 月", 2019, 4, 0},
        {"二 〇 一 九 年 十 二 月", "二 〇 一 九 年 十 二 月", 2019, 12, 0},
        {"二 O 一 三 年 十 月", "二 O 一 三 年 十 月", 2013, 10, 0},
        /* spaced unevenly by a PDF copy */
        {"二 00 九年十月八日", "二 00 九年十月八日", 2009, 10, 8},
        {"二〇 一九年四月", "二〇 一九年四月", 2019, 4, 0},
        /* ISO-like */
        {"2024-05-08", "2024-05-08", 2024, 5, 8},
        {"2024-5-8", "2024-5-8", 2024, 5, 8},
        {"2024.5.8", "2024.5.8", 2024, 5, 8},
        {"2024/5/8", "2024/5/8", 2024, 5, 8},
        {"2024.05.08", "2024.05.08", 2024, 5, 8},
        {"2024-05", "2024-05", 2024, 5, 0},
        {"2024-5", "2024-5", 2024, 5, 0},
        {"2024/05", "2024/05", 2024, 5, 0},
        {"2024.5", "2024.5", 2024, 5, 0},
        {"2024.10。", "2024.10", 2024, 10, 0},
        {"2024.5 编制", "2024.5", 2024, 5, 0},
        {"2024-05-08T10:00", "2024-05-08", 2024, 5, 8},
        {"2024-05-08至2024-05-20", "2024-05-08", 2024, 5, 8},
        {"2024-5-", "2024-5", 2024, 5, 0},
        {"2024—05—08", "2024—05—08", 2024, 5, 8},
        /* full width */
        {"２０２４年５月８日", "２０２４年５月８日", 2024, 5, 8},
        {"２０２４－０５－０８", "２０２４－０５－０８", 2024, 5, 8},
        {"２０２４．５．８", "２０２４．５．８", 2024, 5, 8},
        {"２０２４年", "２０２４年", 2024, 0, 0},
        /* impossible dates */
        {"2024年13月", NULL, 0, 0, 0},
        {"2024年0月", NULL, 0, 0, 0},
        {"2024年13月5日", NULL, 0, 0, 0},
        {"2024年2月30日", NULL, 0, 0, 0},
        {"2023年2月29日", NULL, 0, 0, 0},
        {"1900年2月29日", NULL, 0, 0, 0},
        {"2024年1月32日", NULL, 0, 0, 0},
        {"2024年4月31日", NULL, 0, 0, 0},
        {"2024年5月0日", NULL, 0, 0, 0},
        {"2024年二十月", NULL, 0, 0, 0},
        {"二〇二三年九月三十一日", NULL, 0, 0, 0},
        {"2024-13-01", NULL, 0, 0, 0},
        {"2024-00", NULL, 0, 0, 0},
        {"2024-02-30", NULL, 0, 0, 0},
        {"2024-01-32", NULL, 0, 0, 0},
        {"2024-01-00", NULL, 0, 0, 0},
        {"2024.13", NULL, 0, 0, 0},
        /* year out of range or not four digits */
        {"1899年", NULL, 0, 0, 0},
        {"2101-01-01", NULL, 0, 0, 0},
        {"3095-2012", NULL, 0, 0, 0},
        {"0571-8888", NULL, 0, 0, 0},
        {"20245年", NULL, 0, 0, 0},
        {"202年", NULL, 0, 0, 0},
        {"一八九九年", NULL, 0, 0, 0},
        {"一九九九九年", NULL, 0, 0, 0},
        {"二〇二三", NULL, 0, 0, 0},
        {"O二三四年", NULL, 0, 0, 0},
        {"0二三四年", NULL, 0, 0, 0},
        {"二0二三4年", NULL, 0, 0, 0},
        {"二〇二三O年", NULL, 0, 0, 0},
        /* spaced, but not one space between every digit */
        {"2 0 2 1", NULL, 0, 0, 0},
        {"20 21年", NULL, 0, 0, 0},
        {"2 0 21年", NULL, 0, 0, 0},
        {"2  0  2  1 年", NULL, 0, 0, 0},
        {"2 0 2 1 3 年", NULL, 0, 0, 0},
        {"2 0 2 13年", NULL, 0, 0, 0},
        {"2 0 2 1-05", NULL, 0, 0, 0},
        {"2 0 2 1.5", NULL, 0, 0, 0},
        {"二〇一九 0年", NULL, 0, 0, 0},
        {"二 〇 一 九 一年", NULL, 0, 0, 0},
        /* not a date form */
        {"2024", NULL, 0, 0, 0},
        {"2024 ", NULL, 0, 0, 0},
        {"2024吨", NULL, 0, 0, 0},
        {"2024 -05", NULL, 0, 0, 0},
        {"2024-", NULL, 0, 0, 0},
        {"2024-年", NULL, 0, 0, 0},
        {"", NULL, 0, 0, 0},
        {"年", NULL, 0, 0, 0},
        /* part of a longer number or code */
        {"2024-050", NULL, 0, 0, 0},
        {"2024-05-081", NULL, 0, 0, 0},
        {"2024-5-123", NULL, 0, 0, 0},
        {"2012-2020", NULL, 0, 0, 0},
        {"2024-05/08", NULL, 0, 0, 0},
        {"2024.5-8", NULL, 0, 0, 0},
        {"2024.5.8.1", NULL, 0, 0, 0},
        {"2024-05-08-1", NULL, 0, 0, 0},
        /* a decimal quantity, not a month */
        {"2024.5万元", NULL, 0, 0, 0},
        {"2024.5吨", NULL, 0, 0, 0},
        {"2024.5%", NULL, 0, 0, 0},
        {"2024.5kg", NULL, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const parse_case *c = &cases[i];
        fl_date d = {-1, -1, -1};
        size_t n = fl_date_parse(&d, c->in, strlen(c->in));
        size_t want = c->match ? strlen(c->match) : 0;
        if (n != want)
            fail_msg("case %zu \"%s\": consumed %zu, want %zu", i, c->in, n, want);
        if (c->match && (d.y != c->y || d.m != c->m || d.d != c->d))
            fail_msg("case %zu \"%s\": got %d-%d-%d, want %d-%d-%d", i, c->in, d.y, d.m, d.d,
                     c->y, c->m, c->d);
        if (!c->match && (d.y != -1 || d.m != -1 || d.d != -1))
            fail_msg("case %zu \"%s\": output written on failure", i, c->in);
    }
}

/* A length shorter than the string is respected. */
static void test_parse_len(void **state)
{
    (void)state;
    fl_date d;
    const char *s = "2024年5月8日";
    assert_int_equal(fl_date_parse(&d, s, strlen("2024年5月")), strlen("2024年5月"));
    assert_int_equal(d.d, 0);
    assert_int_equal(fl_date_parse(&d, s, 4), 0);
    assert_int_equal(fl_date_parse(&d, "2024-05-08", 7), 7);
    assert_int_equal(d.m, 5);
    assert_int_equal(d.d, 0);
}

typedef struct find_case {
    const char *in;
    const char *before; /* text before the date; NULL: none found */
    const char *match;
    int y, m, d;
} find_case;

static void test_find(void **state)
{
    (void)state;
    static const find_case cases[] = {
        {"编制日期：2024年5月8日。", "编制日期：", "2024年5月8日", 2024, 5, 8},
        {"编制日期：２０２４年５月", "编制日期：", "２０２４年５月", 2024, 5, 0},
        {"监测于二〇二三年九月进行", "监测于", "二〇二三年九月", 2023, 9, 0},
        {"GB 3095-2012，监测时间2023-05-06", "GB 3095-2012，监测时间", "2023-05-06", 2023, 5, 6},
        {"2024.5万元的投资，2023年6月完成", "2024.5万元的投资，", "2023年6月", 2023, 6, 0},
        {"于2024年3月15日至2024年4月1日", "于", "2024年3月15日", 2024, 3, 15},
        {"日期 2024/5/8", "日期 ", "2024/5/8", 2024, 5, 8},
        {"(2024.5.8)", "(", "2024.5.8", 2024, 5, 8},
        {"2024-13-01, 2024-12-01", "2024-13-01, ", "2024-12-01", 2024, 12, 1},
        {"（2023年）", "（", "2023年", 2023, 0, 0},
        {"统一二〇二三年九月", "统一", "二〇二三年九月", 2023, 9, 0},
        {"编 制 日 期 ：2 0 2 1 年 5 月", "编 制 日 期 ：", "2 0 2 1 年 5 月", 2021, 5, 0},
        {"甲县卫生健康局 2022年3月30日", "甲县卫生健康局 ", "2022年3月30日", 2022, 3, 30},
        {"二0一六年十二月", "", "二0一六年十二月", 2016, 12, 0},
        {"2022.4.28", "", "2022.4.28", 2022, 4, 28},
        /* standard codes, versions, phone numbers */
        {"依据 GB 3095-2012 标准", NULL, NULL, 0, 0, 0},
        {"GB3095-2012", NULL, NULL, 0, 0, 0},
        {"依据HJ 2.1-2016导则", NULL, NULL, 0, 0, 0},
        {"HJ 25.1-2019", NULL, NULL, 0, 0, 0},
        {"GB/T 14848-2017", NULL, NULL, 0, 0, 0},
        {"GB 1903.1-2015", NULL, NULL, 0, 0, 0},
        {"2019—2024年", NULL, NULL, 0, 0, 0},
        {"电话：0571-88886666", NULL, NULL, 0, 0, 0},
        {"电话：020-2024-5678", NULL, NULL, 0, 0, 0},
        {"手机13912345678", NULL, NULL, 0, 0, 0},
        {"手机19912345678", NULL, NULL, 0, 0, 0},
        {"版本v2024.5", NULL, NULL, 0, 0, 0},
        {"a-2024-05-08", NULL, NULL, 0, 0, 0},
        {"x/2024/05/08", NULL, NULL, 0, 0, 0},
        {"1.2024年", NULL, NULL, 0, 0, 0},
        {"共12024年", NULL, NULL, 0, 0, 0},
        {"项目周期2019-2024年", NULL, NULL, 0, 0, 0},
        {"编号ＡＢ２０２４年", NULL, NULL, 0, 0, 0},
        {"文号2024-05-081", NULL, NULL, 0, 0, 0},
        /* planning periods: a range of years is no date */
        {"规划期2021-2035年", NULL, NULL, 0, 0, 0},
        {"《甲市国土空间总体规划（2021—2035年）》", NULL, NULL, 0, 0, 0},
        {"2020～2035年", NULL, NULL, 0, 0, 0},
        {"2021至2035年", NULL, NULL, 0, 0, 0},
        {"于2024年3月15日~2024年4月1日", "于", "2024年3月15日", 2024, 3, 15},
        {"3月15日~2024年4月1日", "3月15日~", "2024年4月1日", 2024, 4, 1},
        {"公示期：~2024年4月1日", "公示期：~", "2024年4月1日", 2024, 4, 1},
        /* the tail of a longer spaced number or code */
        {"1 2 0 2 1 年", NULL, NULL, 0, 0, 0},
        {"编号 7 2 0 1 9 年", NULL, NULL, 0, 0, 0},
        {"G B 3 0 9 5 - 2 0 1 2 年", NULL, NULL, 0, 0, 0},
        {"没有日期", NULL, NULL, 0, 0, 0},
        {"", NULL, NULL, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const find_case *c = &cases[i];
        fl_date d = {0, 0, 0};
        size_t start = 12345;
        size_t n = fl_date_find(&d, c->in, strlen(c->in), &start);
        size_t want = c->match ? strlen(c->match) : 0;
        if (n != want)
            fail_msg("case %zu \"%s\": length %zu, want %zu", i, c->in, n, want);
        if (!c->match) continue;
        if (start != strlen(c->before))
            fail_msg("case %zu \"%s\": start %zu, want %zu", i, c->in, start, strlen(c->before));
        if (d.y != c->y || d.m != c->m || d.d != c->d)
            fail_msg("case %zu \"%s\": got %d-%d-%d", i, c->in, d.y, d.m, d.d);
    }
}

typedef struct blank_case {
    const char *in;
    const char *before; /* text before the blank form; NULL: none found */
    const char *match;
    int year;
} blank_case;

static void test_find_blank(void **state)
{
    (void)state;
    static const blank_case cases[] = {
        {"编制日期：    年  月", "编制日期：    ", "年  月", 0},
        {"201 年 月 日", "", "201 年 月 日", 0},
        {"年 月 日", "", "年 月 日", 0},
        {"20  年  月", "", "20  年  月", 0},
        {"日期：20__年__月__日", "日期：", "20__年__月__日", 0},
        {"2024年  月  日", "", "2024年  月  日", 2024},
        {"2024 年 月 日", "", "2024 年 月 日", 2024},
        {"xxxx年xx月", "", "xxxx年xx月", 0},
        {"XXXX年XX月XX日", "", "XXXX年XX月XX日", 0},
        {"20XX年X月", "", "20XX年X月", 0},
        {"（日期）*年*月*日", "（日期）", "*年*月*日", 0},
        {"建设单位（盖章）：　　　　年　　月　　日", "建设单位（盖章）：　　　　", "年　　月　　日", 0},
        {"年 月", "", "年 月", 0},
        /* filled dates, prose, codes */
        {"二〇一九年四月", NULL, NULL, 0},
        {"2024年5月  日", NULL, NULL, 0},
        {"2024年 5月", NULL, NULL, 0},
        {"年月日", NULL, NULL, 0},
        {"近3年 月均降水量为56mm", NULL, NULL, 0},
        {"每年 月 日", NULL, NULL, 0},
        {"3 年 月 日", NULL, NULL, 0},
        {"GB2024年 月", NULL, NULL, 0},
        {"12345年 月", NULL, NULL, 0},
        {"电话13905371234139053712341390537123年 月", NULL, NULL, 0},
        {"", NULL, NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const blank_case *c = &cases[i];
        size_t start = 12345;
        int year = -1;
        size_t n = fl_date_find_blank(c->in, strlen(c->in), &start, &year);
        size_t want = c->match ? strlen(c->match) : 0;
        if (n != want) fail_msg("case %zu \"%s\": length %zu, want %zu", i, c->in, n, want);
        if (!c->match) continue;
        if (start != strlen(c->before))
            fail_msg("case %zu \"%s\": start %zu, want %zu", i, c->in, start, strlen(c->before));
        if (year != c->year) fail_msg("case %zu \"%s\": year %d, want %d", i, c->in, year, c->year);
    }
}

static void test_valid(void **state)
{
    (void)state;
    static const struct { fl_date d; bool ok; } cases[] = {
        {{2024, 5, 8}, true},   {{2024, 5, 0}, true},   {{2024, 0, 0}, true},
        {{2024, 2, 29}, true},  {{2023, 2, 29}, false}, {{2100, 2, 29}, false},
        {{2000, 2, 29}, true},  {{2024, 13, 1}, false}, {{2024, 0, 5}, false},
        {{2024, 4, 31}, false}, {{2024, 12, 31}, true}, {{2024, 1, 32}, false},
        {{0, 1, 1}, false},     {{2024, -1, 0}, false}, {{2024, 1, -1}, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (fl_date_valid(&cases[i].d) != cases[i].ok) fail_msg("case %zu", i);
}

static void test_cmp(void **state)
{
    (void)state;
    static const struct { fl_date a, b; int want; } cases[] = {
        {{2024, 5, 0}, {2024, 5, 20}, 0},   {{2024, 5, 20}, {2024, 5, 0}, 0},
        {{2024, 0, 0}, {2024, 12, 31}, 0},  {{2024, 12, 31}, {2024, 0, 0}, 0},
        {{2024, 5, 20}, {2024, 5, 20}, 0},  {{2024, 5, 20}, {2024, 6, 1}, -1},
        {{2024, 6, 1}, {2024, 5, 20}, 1},   {{2024, 5, 21}, {2024, 5, 20}, 1},
        {{2024, 5, 19}, {2024, 5, 20}, -1}, {{2023, 12, 31}, {2024, 0, 0}, -1},
        {{2025, 1, 1}, {2024, 0, 0}, 1},    {{2024, 4, 0}, {2024, 5, 1}, -1},
        {{2024, 6, 0}, {2024, 5, 31}, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int r = fl_date_cmp(&cases[i].a, &cases[i].b);
        if (r != cases[i].want) fail_msg("case %zu: got %d, want %d", i, r, cases[i].want);
    }
}

static void test_iso_and_format(void **state)
{
    (void)state;
    fl_date d = {0, 0, 0};
    char out[11];
    assert_int_equal(fl_date_iso_parse(&d, "2024-05-08"), 0);
    assert_int_equal(d.y, 2024);
    assert_int_equal(d.m, 5);
    assert_int_equal(d.d, 8);
    fl_date_format(&d, out);
    assert_string_equal(out, "2024-05-08");

    assert_int_equal(fl_date_iso_parse(&d, "2024-05"), 0);
    assert_int_equal(d.m, 5);
    assert_int_equal(d.d, 0);
    fl_date_format(&d, out);
    assert_string_equal(out, "2024-05");

    assert_int_equal(fl_date_iso_parse(&d, "1999"), 0);
    assert_int_equal(d.y, 1999);
    assert_int_equal(d.m, 0);
    fl_date_format(&d, out);
    assert_string_equal(out, "1999");

    static const char *const bad[] = {
        "2024-5-8", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024/05/08",
        "2024-05-08x", " 2024-05-08", "24-05-08", "", "2024-", "abcd-ef-gh", "2024-05-8",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        d = (fl_date){7, 7, 7};
        if (fl_date_iso_parse(&d, bad[i]) != -1) fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(d.y, 7);
    }
    assert_int_equal(fl_date_iso_parse(&d, NULL), -1);

    d = (fl_date){987, 1, 2};
    fl_date_format(&d, out);
    assert_string_equal(out, "0987-01-02");
}

static void test_days(void **state)
{
    (void)state;
    static const struct { fl_date d; long days; int wd; } cases[] = {
        {{1970, 1, 1}, 0, 3},         {{1969, 12, 31}, -1, 2},
        {{2000, 3, 1}, 11017, 2},     {{2024, 10, 1}, 19997, 1},
        {{1900, 1, 1}, -25567, 0},    {{2100, 12, 31}, 47846, 4},
        {{2024, 2, 29}, 19782, 3},    {{2025, 2, 8}, 20127, 5},
        {{2025, 2, 9}, 20128, 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (fl_date_days(&cases[i].d) != cases[i].days)
            fail_msg("case %zu: days %ld, want %ld", i, fl_date_days(&cases[i].d), cases[i].days);
        if (fl_date_weekday(&cases[i].d) != cases[i].wd)
            fail_msg("case %zu: weekday %d, want %d", i, fl_date_weekday(&cases[i].d), cases[i].wd);
        fl_date back = {0, 0, 0};
        fl_date_from_days(&back, cases[i].days);
        assert_int_equal(back.y, cases[i].d.y);
        assert_int_equal(back.m, cases[i].d.m);
        assert_int_equal(back.d, cases[i].d.d);
    }
    /* month-only and year-only dates count from their first day */
    assert_int_equal(fl_date_days(&(fl_date){2024, 10, 0}), 19997);
    assert_int_equal(fl_date_days(&(fl_date){1970, 0, 0}), 0);
}

/* Walk every day from 1900 to 2100: consecutive, valid, weekdays cycling. */
static void test_days_round_trip(void **state)
{
    (void)state;
    fl_date first = {1900, 1, 1}, last = {2100, 12, 31};
    long a = fl_date_days(&first), b = fl_date_days(&last);
    fl_date prev = first;
    int wd = fl_date_weekday(&first);
    for (long k = a; k <= b; k++) {
        fl_date d;
        fl_date_from_days(&d, k);
        assert_true(fl_date_valid(&d));
        assert_int_equal(fl_date_days(&d), k);
        assert_int_equal(fl_date_weekday(&d), wd);
        if (k > a) assert_int_equal(fl_date_cmp(&prev, &d), -1);
        wd = (wd + 1) % 7;
        prev = d;
    }
    assert_int_equal(prev.y, 2100);
    assert_int_equal(prev.m, 12);
    assert_int_equal(prev.d, 31);
    assert_int_equal(b - a + 1, 73414); /* 201 years, 49 leap days */
}

static void test_today(void **state)
{
    (void)state;
    fl_date d;
    fl_date_today(&d);
    assert_true(fl_date_valid(&d));
    assert_true(d.y >= 2024);
    assert_true(d.m >= 1 && d.d >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),          cmocka_unit_test(test_parse_len),
        cmocka_unit_test(test_find),           cmocka_unit_test(test_find_blank),
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_cmp),            cmocka_unit_test(test_iso_and_format),
        cmocka_unit_test(test_days),           cmocka_unit_test(test_days_round_trip),
        cmocka_unit_test(test_today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
