/* Unit tests for the `arith` kind: the share from fields and from one
 * sentence, the table's total against its rows and against the part, with
 * units converted; and every case where it must stay silent (ambiguous or
 * approximate values, other projects' sentences, two amount columns, rows
 * after the total, unclear cells, a doubled list, differences within the
 * written rounding). Messages carry the kind's values so each case checks
 * what was computed, not only that something was said. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"a\" applies-to=\"eia-book eia-form\">\n"
    "  <rule id=\"A001\" severity=\"error\" category=\"data-error\"><message>share {stated} {computed} {part} {whole}</message>\n"
    "    <arith>\n"
    "      <share part-fields=\"环保投资 其中环保投资\" whole-fields=\"总投资\" ratio-fields=\"环保投资占比 环保投资占总投资比例\"\n"
    "             part=\"环保投资\" whole=\"(?&lt;![环保])总投资\" ratio=\"占|比例\" unless=\"一期|二期|现有|全厂|约\"/>\n"
    "      <table caption=\"环保投资\" amount=\"投资|金额\" total=\"^(?:合计|总计)$\" skip=\"^(?:小计|其中)\"\n"
    "             other=\"依托|现有|全厂\" message=\"sum {total} {sum} {rows}\" field-message=\"field {total} {field}\"/>\n"
    "    </arith>\n"
    "    <example type=\"fail\">总投资（万元）：100\n环保投资（万元）：15\n环保投资占比（%）：1.5\n</example>\n"
    "    <example type=\"pass\">总投资（万元）：100\n环保投资（万元）：15\n环保投资占比（%）：15\n</example></rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "a.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

/* The messages for md ("" none, "a;b" two); the first finding's line. */
static void check(fixture *f, const char *md, const char *want, int want_line)
{
    kind_expect(f, "A001", "eia-form", NULL, md, NULL, want, want_line);
}

#define BASIC(whole, part, ratio) "## 一、建设项目基本情况\n总投资（万元）：" whole "\n环保投资（万元）：" part "\n环保投资占比（%）：" ratio "\n"

static void test_share_fields(void **state)
{
    fixture *f = *state;
    check(f, BASIC("100", "15", "1.5"), "share 1.5% 15.00% 15万元 100万元", 4);
    check(f, BASIC("100", "15", "15"), "", 0);
    check(f, BASIC("100", "15", "15.00"), "", 0);
    /* the written rounding: 320 / 21500 = 1.488 */
    check(f, BASIC("21500", "320", "1.49"), "", 0);
    check(f, BASIC("21500", "320", "1.5"), "", 0);
    check(f, BASIC("21500", "320", "1.6"), "share 1.6% 1.49% 320万元 21500万元", 4);
    /* units in the value win over the label, and are converted */
    check(f, "总投资：1.2亿元\n环保投资：360万元\n环保投资占比：3%\n", "", 0);
    check(f, "总投资：1.2亿元\n环保投资：3600000元\n环保投资占比：3%\n", "", 0);
    check(f, "总投资：1.2亿元\n环保投资：360万元\n环保投资占比：0.3%\n", "share 0.3% 3.00% 360万元 1.2亿元", 3);
    /* the 1999 form's label */
    check(f, "总投资（万元）：136\n其中：环保投资（万元）：34.8\n环保投资占总投资比例：25.6%\n", "", 0);
}

static void test_share_silent(void **state)
{
    fixture *f = *state;
    /* a bare ratio with no % anywhere: not read */
    check(f, "总投资（万元）：100\n环保投资（万元）：15\n环保投资占比：1.5\n", "", 0);
    /* two different totals */
    check(f, BASIC("100", "15", "1.5") "## 附表\n总投资（万元）：120\n", "", 0);
    /* 约, a range, a comparator */
    check(f, BASIC("约100", "15", "1.5"), "", 0);
    check(f, BASIC("100~120", "15", "1.5"), "", 0);
    check(f, BASIC("100", "15", "≥1.5"), "", 0);
    /* a value that is not a number: the number is elsewhere */
    check(f, BASIC("见附表", "15", "1.5"), "", 0);
    /* a zero total divides nothing */
    check(f, BASIC("0", "15", "1.5"), "", 0);
}

static void test_share_sentence(void **state)
{
    fixture *f = *state;
    check(f, "## 3.6 投资估算\n项目总投资5000万元，其中环保投资75万元，占总投资的15%。\n",
          "share 15% 1.50% 75万元 5000万元", 2);
    check(f, "## 3.6 投资估算\n项目总投资5000万元，其中环保投资75万元，占总投资的1.5%。\n", "", 0);
    /* the order turned round */
    check(f, "## 3.6 投资估算\n环保投资75万元，占总投资5000万元的15%。\n", "share 15% 1.50% 75万元 5000万元", 2);
    check(f, "## 3.6 投资估算\n环保投资75万元，占总投资5000万元的1.5%。\n", "", 0);
    /* other projects, 约 */
    check(f, "## 3.1 现有工程\n现有工程总投资5000万元，其中环保投资75万元，占总投资的15%。\n", "", 0);
    check(f, "## 3.6 投资估算\n一期总投资5000万元，其中环保投资75万元，占一期投资的15%。\n", "", 0);
    check(f, "## 3.6 投资估算\n项目总投资约5000万元，其中环保投资75万元，占总投资的15%。\n", "", 0);
    check(f, "## 3.6 投资估算\n项目总投资5000万元，其中环保投资75万元，约占总投资的3%。\n", "", 0);
    /* an amount of no role between (设备购置) is passed over, not taken for one */
    check(f, "## 3.6 投资估算\n项目总投资5000万元，其中设备购置3000万元，环保投资75万元，占15%。\n",
          "share 15% 1.50% 75万元 5000万元", 2);
    check(f, "## 3.6 投资估算\n项目总投资5000万元，其中设备购置3000万元，环保投资75万元，占1.5%。\n", "", 0);
    /* the three split over two sentences: not one statement */
    check(f, "## 3.6 投资估算\n项目总投资5000万元。其中环保投资75万元，占15%。\n", "", 0);
    /* a sentence that only mentions the share */
    check(f, "## 3.6 投资估算\n环保投资占总投资的15%。\n", "", 0);
}

#define TABLE_HEAD "## 五、环境保护措施\n表5-1 环保投资一览表\n| 类别 | 措施 | 投资（万元） |\n| --- | --- | --- |\n"

static void test_table(void **state)
{
    fixture *f = *state;
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 废水 | 化粪池 | 8 |\n| 合计 | | 43 |\n", "", 0);
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 废水 | 化粪池 | 8 |\n| 合计 | | 53 |\n", "sum 53万元 43万元 2", 7);
    /* 其中 and 小计 rows, a row without a number, a 序号 column */
    check(f,
          "## 五、环境保护措施\n表5-1 环保投资一览表\n| 序号 | 类别 | 投资（万元） |\n| --- | --- | --- |\n"
          "| 1 | 废气 | 35 |\n| 2 | 其中：风机 | 10 |\n| 3 | 废水 | 依托现有 |\n| 4 | 噪声 | 5 |\n| 小计 | | 40 |\n| 合计 | | 40 |\n",
          "", 0);
    /* the amounts in 元 by the caption's unit line; the part in 万元 */
    check(f, BASIC("1000", "43", "4.3") "## 五、环境保护措施\n表5-1 环保投资一览表 单位：元\n| 类别 | 措施 | 投资 |\n| --- | --- | --- |\n"
          "| 废气 | 活性炭 | 350000 |\n| 废水 | 化粪池 | 80000 |\n| 合计 | | 430000 |\n", "", 0);
    check(f, BASIC("1000", "45", "4.5") TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 废水 | 化粪池 | 8 |\n| 合计 | | 43 |\n",
          "field 43万元 45万元", 0);
    /* a table with no unit stated is added up but not compared with the field */
    check(f, BASIC("1000", "45", "4.5") "## 五、环境保护措施\n表5-1 环保投资一览表\n| 类别 | 投资 |\n| --- | --- |\n"
          "| 废气 | 35 |\n| 废水 | 8 |\n| 合计 | 43 |\n", "", 0);
    /* within 1 % of the total: 120.4 + 80.3 = 200.7, written 200.5 */
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 120.4 |\n| 废水 | 化粪池 | 80.3 |\n| 合计 | | 200.5 |\n", "", 0);
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 120.4 |\n| 废水 | 化粪池 | 80.3 |\n| 合计 | | 210.5 |\n", "sum 210.5万元 200.7万元 2", 7);
}

static void test_table_silent(void **state)
{
    fixture *f = *state;
    /* no 合计 row; two amount columns; rows after the total; two totals */
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 废水 | 化粪池 | 8 |\n", "", 0);
    check(f, "## 五、环境保护措施\n表5-1 环保投资一览表\n| 类别 | 一期投资（万元） | 二期投资（万元） |\n| --- | --- | --- |\n"
             "| 废气 | 35 | 20 |\n| 废水 | 8 | 1 |\n| 合计 | 40 | 30 |\n", "", 0);
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 废水 | 化粪池 | 8 |\n| 合计 | | 53 |\n| 绿化 | 草坪 | 10 |\n", "", 0);
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 合计 | | 35 |\n| 废水 | 化粪池 | 8 |\n| 总计 | | 53 |\n", "", 0);
    /* an unclear amount cell: 约, a note with a number */
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 约35 |\n| 废水 | 化粪池 | 8 |\n| 合计 | | 53 |\n", "", 0);
    check(f, TABLE_HEAD "| 废气 | 活性炭 | 35（含风机10） |\n| 废水 | 化粪池 | 8 |\n| 合计 | | 53 |\n", "", 0);
    /* categories and their items both listed: the rows add up to twice the total */
    check(f, TABLE_HEAD "| 废气治理 | | 40 |\n| 废气 | 活性炭 | 30 |\n| 废气 | 风机 | 10 |\n| 废水治理 | | 8 |\n| 废水 | 化粪池 | 8 |\n"
             "| 合计 | | 48 |\n", "", 0);
    /* 施工期 and 运营期 apart: neither total need equal the part */
    check(f, BASIC("1000", "45", "4.5") "## 五、环境保护措施\n表5-1 施工期环保投资\n| 类别 | 投资（万元） |\n| --- | --- |\n"
             "| 扬尘 | 5 |\n| 废水 | 3 |\n| 合计 | 8 |\n表5-2 运营期环保投资\n| 类别 | 投资（万元） |\n| --- | --- |\n"
             "| 废气 | 30 |\n| 噪声 | 7 |\n| 合计 | 37 |\n", "", 0);
    /* a row with an amount for what already exists; a 全厂 table */
    check(f, BASIC("1000", "45", "4.5") TABLE_HEAD "| 废气 | 活性炭 | 35 |\n| 废水 | 依托现有化粪池 | 8 |\n| 合计 | | 43 |\n", "", 0);
    check(f, BASIC("1000", "45", "4.5") "## 五、环境保护措施\n表5-1 全厂环保投资一览表\n| 类别 | 投资（万元） |\n| --- | --- |\n"
             "| 废气 | 35 |\n| 废水 | 8 |\n| 合计 | 43 |\n", "", 0);
    /* a yearly running cost beside the investment is no second amount column */
    check(f, BASIC("1000", "45", "4.5") "## 五、环境保护措施\n表5-1 环保投资一览表\n| 类别 | 投资（万元） | 运行费用（万元/年） |\n"
             "| --- | --- | --- |\n| 废气 | 35 | 3 |\n| 废水 | 8 | 1 |\n| 合计 | 43 | 4 |\n", "field 43万元 45万元", 0);
    /* a table about something else */
    check(f, "## 五、环境保护措施\n表5-1 主要设备一览表\n| 设备 | 金额（万元） |\n| --- | --- |\n| 冲床 | 35 |\n| 焊机 | 8 |\n| 合计 | 53 |\n",
          "", 0);
}

/* One paragraph with no sentence end and many amounts and words: no one
 * statement, and read in linear time (the run would take minutes if each
 * amount looked at every word). */
static void test_long(void **state)
{
    fixture *f = *state;
    const char *unit = "总投资5000万元，环保投资75万元，占比15%，";
    char *md = kind_long_paragraph("## 3.6 投资估算\n", unit, 20000);
    check(f, md, "", 0);
    free(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_share_fields), cmocka_unit_test(test_share_silent), cmocka_unit_test(test_share_sentence),
        cmocka_unit_test(test_table),        cmocka_unit_test(test_table_silent), cmocka_unit_test(test_long),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
