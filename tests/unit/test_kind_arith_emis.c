/* Unit tests for <emission> of the `arith` kind (rules/arith_emis.c): the
 * removal, concentration × flow × hours, rate × hours and water checks in a
 * sentence and in a table row, the quota against the emission, and the
 * summary table against the text's totals; with every case where they must
 * stay silent (rounding, 约, 收集, 有组织 with 无组织, two pollutants,
 * other projects' figures, 合计 rows, per-day hours, two columns of one
 * kind, 接管 against 外排). Messages carry the values so each case checks
 * what was computed. */
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
    "<ruleset id=\"e\" applies-to=\"eia-book eia-form\">\n"
    "  <rule id=\"E001\" severity=\"error\" category=\"data-error\"><message>emis {quantity} {stated} {computed} {formula}</message>\n"
    "    <arith>\n"
    "      <emission unless=\"现有|以新带老|全厂|约|非正常\" message=\"emis {quantity} {stated} {computed} {formula}\"\n"
    "                quota-message=\"quota {stated} {emission}\" summary=\"排放量汇总\"\n"
    "                summary-message=\"sum {quantity} {stated} {emission}\"/>\n"
    "    </arith>\n"
    "    <example type=\"fail\">产生量为2.4t/a，经处理（去除率99%）后排放量为0.24t/a。\n</example>\n"
    "    <example type=\"pass\">产生量为2.4t/a，经处理（去除率99%）后排放量为0.024t/a。\n</example></rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "e.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

/* The messages for md ("" none, "a;b" two); the first finding's line. */
static void check(fixture *f, const char *md, const char *want, int want_line)
{
    kind_expect(f, "E001", "eia-form", NULL, md, NULL, want, want_line);
}

static void test_sentence(void **state)
{
    fixture *f = *state;
    check(f, "## 源强\n颗粒物产生量为2.4t/a，经布袋除尘器处理（除尘效率99%）后排放量为0.24t/a。\n",
          "emis 排放量 0.24t/a 0.0240t/a 2.4t/a × (1 − 99%)", 2);
    check(f, "颗粒物产生量为2.4t/a，经布袋除尘器处理（除尘效率99%）后排放量为0.024t/a。\n", "", 0);
    /* kg/a against t/a is a conversion */
    check(f, "颗粒物产生量为2.4t/a，经处理（去除率99%）后排放量为24kg/a。\n", "", 0);
    check(f, "颗粒物产生量为2.4t/a，经处理（去除率99%）后排放量为240kg/a。\n",
          "emis 排放量 240kg/a 24.0kg/a 2.4t/a × (1 − 99%)", 1);
    /* 99% admits 98.5..99.5: 2.4 × 0.015 = 0.036 may be written */
    check(f, "颗粒物产生量为2.4t/a，经处理（去除率99%）后排放量为0.036t/a。\n", "", 0);
    check(f, "颗粒物产生量为2.4t/a，经处理（去除率99.0%）后排放量为0.036t/a。\n",
          "emis 排放量 0.036t/a 0.0240t/a 2.4t/a × (1 − 99.0%)", 1);
    /* concentration × flow × hours, with h/a and with 年运行…h */
    check(f, "非甲烷总烃排放浓度为12mg/m³，风量10000m³/h，年运行2400h，排放量为0.288t/a。\n", "", 0);
    check(f, "非甲烷总烃排放浓度为12mg/m³，风量10000m³/h，运行时间2400h/a，排放量为2.88t/a。\n",
          "emis 排放量 2.88t/a 0.288t/a 12mg/m³ × 10000m³/h × 2400h/a", 1);
    check(f, "颗粒物产生浓度为150mg/m³，风量8000m³/h，年工作时间为2400小时，产生量为0.288t/a。\n",
          "emis 产生量 0.288t/a 2.880t/a 150mg/m³ × 8000m³/h × 2400h/a", 1);
    /* rate × hours */
    check(f, "焊接烟尘排放速率为0.05kg/h，年工作时间2400小时，排放量为1.2t/a。\n",
          "emis 排放量 1.2t/a 0.120t/a 0.05kg/h × 2400h/a", 1);
    /* water */
    check(f, "生活污水量为1200m³/a，COD排放浓度为250mg/L，排放量为0.3t/a。\n", "", 0);
    check(f, "生活污水量为1200m³/a，COD排放浓度为250mg/L，排放量为3t/a。\n",
          "emis 排放量 3t/a 0.300t/a 250mg/L × 1200m³/a", 1);
}

static void test_sentence_silent(void **state)
{
    fixture *f = *state;
    /* 约, a range, a comparator */
    check(f, "颗粒物产生量约2.4t/a，经处理（去除率99%）后排放量为0.24t/a。\n", "", 0);
    check(f, "颗粒物产生量为2.4t/a，经处理（去除率≥99%）后排放量为0.24t/a。\n", "", 0);
    check(f, "颗粒物产生量为2.4t/a，经处理（去除率90~99%）后排放量为0.24t/a。\n", "", 0);
    /* collection, said or quantified */
    check(f, "颗粒物产生量为2.4t/a，经集气罩收集后由布袋除尘器处理（除尘效率99%），排放量为0.0216t/a。\n", "", 0);
    check(f, "颗粒物产生量为2.4t/a，收集效率90%，除尘效率99%，排放量为0.0216t/a。\n", "", 0);
    /* an emission taken at the limit */
    check(f, "颗粒物产生量为2.4t/a，除尘效率99%，保守按排放标准计，排放量为0.384t/a。\n", "", 0);
    /* 有组织 with 无组织 */
    check(f, "颗粒物产生量为2.4t/a，除尘效率99%，有组织排放量为0.0216t/a，无组织排放量为0.24t/a。\n", "", 0);
    /* two pollutants: two values for one figure */
    check(f, "颗粒物产生量为2.4t/a，SO2产生量为1.2t/a，除尘效率99%，排放量为0.24t/a。\n", "", 0);
    /* other projects' figures */
    check(f, "现有工程颗粒物产生量为2.4t/a，除尘效率99%，排放量为0.24t/a。\n", "", 0);
    check(f, "非正常工况下颗粒物产生量为2.4t/a，除尘效率99%，排放量为0.24t/a。\n", "", 0);
    /* a day's hours are no year's */
    check(f, "焊接烟尘排放速率为0.05kg/h，每天工作8h，排放量为1.2t/a。\n", "", 0);
    check(f, "焊接烟尘排放速率为0.05kg/h，年工作时间8h/d，排放量为1.2t/a。\n", "", 0);
    /* a figure with no stage, a limit */
    check(f, "颗粒物产生量为2.4t/a，除尘效率99%，削减量为2.16t/a。\n", "", 0);
    check(f, "排放浓度执行标准限值20mg/m³，风量10000m³/h，年运行2400h，排放量为0.024t/a。\n", "", 0);
}

#define HEAD "| 排放口 | 污染物 | 风量（m³/h） | 产生浓度（mg/m³） | 产生量（t/a） | 去除率（%） | 排放浓度（mg/m³） | 排放速率（kg/h） | 排放量（t/a） | 年排放时间（h） |\n" \
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"

static void test_table(void **state)
{
    fixture *f = *state;
    check(f, "## 四、主要环境影响\n表4-1 废气\n" HEAD "| DA001 | 颗粒物 | 8000 | 150 | 2.88 | 99 | 1.5 | 0.012 | 0.029 | 2400 |\n",
          "", 0);
    check(f, "## 四、主要环境影响\n表4-1 废气\n" HEAD "| DA001 | 非甲烷总烃 | 8000 | 50 | 0.96 | 80 | 10 | 0.08 | 0.92 | 2400 |\n",
          "emis 排放量 0.92t/a 0.192t/a 0.96t/a × (1 − 80%)", 5);
    /* no removal: 浓度 × 风量 × 年排放时间（h） */
    check(f, "表4-1 废气\n" HEAD "| DA001 | 非甲烷总烃 | 8000 | 50 | 9.6 | / | 50 | 0.4 | 0.96 | 2400 |\n",
          "emis 产生量 9.6t/a 0.960t/a 50mg/m³ × 8000m³/h × 2400h/a", 4);
    /* water, kg/a */
    check(f, "| 污染物 | 废水量（m³/a） | 产生浓度（mg/L） | 产生量（t/a） | 排放浓度（mg/L） | 排放量（kg/a） |\n"
             "| --- | --- | --- | --- | --- | --- |\n| 氨氮 | 1200 | 30 | 0.036 | 25 | 3 |\n",
          "emis 排放量 3kg/a 30.0kg/a 25mg/L × 1200m³/a", 3);
    /* the quota */
    check(f, "| 污染物 | 本项目排放量（t/a） | 总量控制指标（t/a） |\n| --- | --- | --- |\n| COD | 0.288 | 0.3 |\n| 氨氮 | 0.029 | 0.02 |\n",
          "quota 0.02t/a 0.029t/a", 4);
    check(f, "本项目VOCs排放量为0.192t/a，申请总量控制指标VOCs 0.1t/a。\n", "quota 0.1t/a 0.192t/a", 1);
    check(f, "本项目VOCs排放量为0.245t/a，申请总量控制指标0.2t/a。\n", "", 0); /* 0.2 admits 0.245 */
}

static void test_table_silent(void **state)
{
    fixture *f = *state;
    /* collection in the row */
    check(f, "| 排放口 | 产生量（t/a） | 治理措施 | 去除率（%） | 排放量（t/a） |\n| --- | --- | --- | --- | --- |\n"
             "| DA002 | 1.2 | 集气罩收集+二级活性炭 | 80 | 0.216 |\n",
          "", 0);
    /* a 合计 row, an unclear cell, a "/" */
    check(f, "| 排放口 | 产生量（t/a） | 去除率（%） | 排放量（t/a） |\n| --- | --- | --- | --- |\n"
             "| 合计 | 5 | 90 | 2 |\n| DA001 | 1.2 | 80 | 0.2（有组织） |\n| DA002 | 1.2 | / | 0.5 |\n",
          "", 0);
    /* two emission columns: 现有 and 本项目 */
    check(f, "| 污染物 | 产生量（t/a） | 去除率（%） | 现有排放量（t/a） | 本项目排放量（t/a） |\n| --- | --- | --- | --- | --- |\n"
             "| 颗粒物 | 2.4 | 99 | 2 | 0.5 |\n",
          "", 0);
    /* a table about other figures */
    check(f, "现有工程废气排放情况\n| 排放口 | 产生量（t/a） | 去除率（%） | 排放量（t/a） |\n| --- | --- | --- | --- |\n| DA001 | 1.2 | 80 | 0.9 |\n",
          "", 0);
    /* the line before the caption is the text's, not the table's */
    check(f, "非正常工况见下文。\n表4-1 废气\n| 排放口 | 产生量（t/a） | 去除率（%） | 排放量（t/a） |\n| --- | --- | --- | --- |\n"
             "| DA001 | 1.2 | 80 | 0.9 |\n",
          "emis 排放量 0.9t/a 0.240t/a 1.2t/a × (1 − 80%)", 5);
}

#define SUMMARY(v) "## 附表\n建设项目污染物排放量汇总表\n单位：t/a\n" \
    "| 项目分类 | 污染物名称 | 现有工程排放量① | 本项目排放量④ | 本项目建成后全厂排放量⑥ |\n| --- | --- | --- | --- | --- |\n" \
    "| 废气 | 颗粒物 | / | " v " | " v " |\n"

static void test_summary(void **state)
{
    fixture *f = *state;
    check(f, "本项目颗粒物排放总量为0.037t/a。\n" SUMMARY("0.37"), "sum 颗粒物 0.37t/a 0.037t/a", 7);
    check(f, "本项目颗粒物排放总量为0.037t/a。\n" SUMMARY("0.037"), "", 0);
    check(f, "本项目颗粒物排放总量为0.037t/a。\n" SUMMARY("0.0374"), "", 0); /* rounding */
    /* the text's total comes after the summary too */
    check(f, SUMMARY("0.37") "## 结论\n本项目颗粒物排放总量为0.037t/a。\n", "sum 颗粒物 0.37t/a 0.037t/a", 6);
    /* no total: a single source, two pollutants, two values, 约, 有组织 only */
    check(f, "DA001排气筒颗粒物排放量为0.037t/a。\n" SUMMARY("0.37"), "", 0);
    check(f, "本项目颗粒物排放量为0.037t/a，SO2排放量为0.016t/a。\n" SUMMARY("0.37"), "", 0);
    check(f, "本项目颗粒物排放总量为0.037t/a。\n本项目颗粒物排放总量为0.05t/a。\n" SUMMARY("0.37"), "", 0);
    check(f, "本项目颗粒物排放总量约0.037t/a。\n" SUMMARY("0.37"), "", 0);
    check(f, "本项目有组织颗粒物排放总量为0.037t/a。\n" SUMMARY("0.37"), "", 0);
    /* water: 接管 against 外排 */
    check(f, "本项目COD排放量为0.048t/a（外排环境量）。\n## 附表\n建设项目污染物排放量汇总表\n单位：t/a\n"
             "| 项目分类 | 污染物名称 | 本项目排放量④ |\n| --- | --- | --- |\n| 废水 | COD | 0.288 |\n",
          "", 0);
    check(f, "本项目COD排放量为0.048t/a。\n## 附表\n建设项目污染物排放量汇总表\n单位：t/a\n"
             "| 项目分类 | 污染物名称 | 本项目排放量④ |\n| --- | --- | --- |\n| 废水 | COD | 0.288 |\n",
          "sum COD 0.288t/a 0.048t/a", 7);
    /* no unit stated: not read */
    check(f, "本项目颗粒物排放总量为0.037t/a。\n## 附表\n建设项目污染物排放量汇总表\n"
             "| 项目分类 | 污染物名称 | 本项目排放量④ |\n| --- | --- | --- |\n| 废气 | 颗粒物 | 0.37 |\n",
          "", 0);
}

/* One paragraph with no sentence end and many figures: no one statement,
 * and read in linear time. */
static void test_long(void **state)
{
    fixture *f = *state;
    const char *unit = "颗粒物产生量为2.4t/a，除尘效率99%，排放量为0.24t/a，";
    char *md = kind_long_paragraph("## 源强\n", unit, 20000);
    check(f, md, "", 0);
    free(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence), cmocka_unit_test(test_sentence_silent), cmocka_unit_test(test_table),
        cmocka_unit_test(test_table_silent), cmocka_unit_test(test_summary), cmocka_unit_test(test_long),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
