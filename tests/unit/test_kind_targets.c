/* Unit tests for the `targets` kind with the shipped EIA207: a target of the
 * named kind listed inside a radius the text declares empty, read from the
 * table shapes filings use (2021 报告表 columns with the unit after a slash,
 * the older 环境要素/保护目标/与厂址相对位置 layout with bearing and distance in
 * one cell, 距离（m） headers, ranges and 约); and every case where it must
 * stay silent: other media, other kinds, conditions, exceptions, distances
 * from a stack or a 防护距离, no unit, ≥, the edge of the radius. The
 * messages carry the row and the distance read, so each case checks what
 * was compared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define KIND_RULES_NAME FL_SOURCE_RULESETS "/eia.xml"
#define KIND_RULES_XML NULL
#include "kind_harness.h"

/* The findings' {target} {distance} as "target@distance;…" (from the
 * message), or the columns warning as "cols:{missing}". */
static void show(char *out, size_t cap, const fl_finding *fd)
{
    kind_span target = kind_between(fd->message, "列有", "，距离");
    kind_span dist = kind_between(fd->message, "，距离", "，在");
    kind_span cols = kind_between(fd->message, "保护目标的", "，");
    if (target.s && dist.s) snprintf(out, cap, "%.*s@%.*s", target.len, target.s, dist.len, dist.s);
    else if (cols.s) snprintf(out, cap, "cols:%.*s", cols.len, cols.s);
    else snprintf(out, cap, "?%s", fd->message);
}

static void check(fixture *f, const char *md, const char *want)
{
    kind_expect(f, "EIA207", "eia-form", "2024-06-01", md, show, want, 0);
}

#define T21 "## 三、环境保护目标\n表3-4 大气环境保护目标\n| 名称 | 保护对象 | 相对厂址方位 | 相对厂界距离/m |\n| --- | --- | --- | --- |\n"

static void test_reports(void **state)
{
    fixture *f = *state;
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n项目厂界外500米范围内无居民区。\n", "前湾村@320m");
    /* the statement before the table, in km, with 以内 */
    check(f, "## 三、环境保护目标\n厂界外0.5km以内无村庄。\n" "表3-4 保护目标\n| 名称 | 方位 | 距离（m） |\n| --- | --- | --- |\n| 前湾村 | 东北 | 320 |\n",
          "前湾村@320m");
    /* a school, the kind from the 保护对象 column */
    check(f, T21 "| 柳塘 | 学校 | 西南 | 180 |\n| 前湾村 | 居民 | 东北 | 620 |\n项目周边200m范围内无学校、医院。\n", "柳塘@180m");
    /* 敏感点 covers every row; the nearest listed first in the table wins */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 620 |\n| 东园小区 | 居民 | 东 | 150 |\n200 m 范围内无敏感点。\n", "东园小区@150m");
    /* the older layout: bearing and distance in one cell, medium per row */
    check(f, "## 三、环境保护目标\n表3-5 环境保护目标一览表\n| 环境要素 | 保护目标 | 与厂址相对位置 | 规模 |\n| --- | --- | --- | --- |\n"
             "| 大气环境 | 沈家组 | 西侧 35m | 3户 |\n厂界外50米范围内无声环境保护目标，厂界外500米范围内无居民区。\n",
          "沈家组@35m");
    /* a range counts by its near end */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 300~650 |\n厂界外500米范围内无居民区。\n", "前湾村@300~650m");
    /* the list goes on after a comma with 无 */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内无自然保护区、风景名胜区，无居民区、学校等敏感目标。\n", "前湾村@320m");
    /* 及其他 closes a list; it is no exception. 非 of 非甲烷总烃 is no negation */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内无居民区、学校及其他敏感目标。\n", "前湾村@320m");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内无居民区，非甲烷总烃无组织排放影响较小。\n", "前湾村@320m");
    /* ≤ in the table is inside */
    check(f, T21 "| 前湾村 | 居民 | 东北 | <100 |\n厂界外200米范围内无居民区。\n", "前湾村@<100m");
}

static void test_silent(void **state)
{
    fixture *f = *state;
    /* outside the radius, on its edge, 约 near it */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 620 |\n厂界外500米范围内无居民区。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 500 |\n厂界外500米范围内无居民区。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 约480 |\n厂界外500米范围内无居民区。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | ≥300 |\n厂界外500米范围内无居民区。\n", "");
    /* another kind: a school is no 居民区 */
    check(f, T21 "| 柳塘小学 | 学校 | 西南 | 180 |\n厂界外500米范围内无居民区。\n", "");
    /* another medium: a 大气 table against a 声 sentence */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 40 |\n厂界外50米范围内无声环境保护目标。\n", "");
    /* the section says the medium: 200 m of noise against the air table */
    check(f, "## 4.2 声环境影响分析\n项目200m范围内无敏感点。\n" T21 "| 前湾村 | 居民 | 东北 | 150 |\n", "");
    /* a condition, an exception, other targets, a qualifier the table cannot judge */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n如厂界外500米范围内无居民区，可不设隔声屏障。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内除前湾村外无其他居民区。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内无集中居民区。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内仅有前湾村，无其他居民区。\n", "");
    /* distances from elsewhere than the boundary */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 80 |\n卫生防护距离100m范围内无居民区。\n", "");
    check(f, T21 "| 前湾村 | 居民 | 东北 | 80 |\n排气筒周边100m范围内无居民。\n", "");
    /* a bare number under a header with no unit is not read */
    check(f, "## 三、环境保护目标\n表3-4 保护目标\n| 名称 | 方位 | 距离 |\n| --- | --- | --- |\n| 前湾村 | 东北 | 320 |\n厂界外500米范围内无居民区。\n", "");
    /* something other than a target is absent */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内无工业企业。\n", "");
    /* 有, not 无 */
    check(f, T21 "| 前湾村 | 居民 | 东北 | 320 |\n厂界外500米范围内有居民区1处。\n", "");
    /* a river is not what 敏感点 denies */
    check(f, "## 三、环境保护目标\n表3-4 地表水环境保护目标\n| 名称 | 方位 | 距离（m） |\n| --- | --- | --- |\n| 北塘河 | 北 | 120 |\n200m范围内无敏感点。\n",
          "");
    /* nor a river in a table of no medium */
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 方位 | 距离（m） |\n| --- | --- | --- |\n| 北塘河 | 北 | 120 |\n200m范围内无敏感点。\n",
          "");
    /* but 无村庄 still meets a village beside it */
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 方位 | 距离（m） |\n| --- | --- | --- |\n| 北塘河 | 北 | 120 |\n| 河口村 | 东 | 150 |\n200m范围内无村庄。\n",
          "河口村@150m");
    /* a table that is not about targets */
    check(f, "## 三、区域环境质量现状\n表3-1 监测点位\n| 点位名称 | 方位 | 距离（m） |\n| --- | --- | --- |\n| 前湾村 | 东北 | 320 |\n厂界外500米范围内无居民区。\n",
          "");
}

static void test_columns(void **state)
{
    fixture *f = *state;
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 保护对象 | 规模 |\n| --- | --- | --- |\n| 前湾村 | 居民 | 60户 |\n",
          "cols:方位和距离");
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 保护对象 | 相对厂址方位 |\n| --- | --- | --- |\n| 前湾村 | 居民 | 东北 |\n",
          "cols:距离");
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 保护对象 | 距离（m） |\n| --- | --- | --- |\n| 前湾村 | 居民 | 320 |\n",
          "cols:方位");
    /* bearing and distance written in a column of another name */
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 保护对象 | 与项目关系 |\n| --- | --- | --- |\n| 前湾村 | 居民 | 东北侧320m |\n",
          "");
    /* a table that lists nothing */
    check(f, "## 三、环境保护目标\n表3-4 环境保护目标\n| 名称 | 保护对象 | 规模 |\n| --- | --- | --- |\n| 无 | / | / |\n", "");
}

/* Many statements and rows: bounded, and no tool error. */
static void test_long(void **state)
{
    fixture *f = *state;
    const char *row = "| 前湾村 | 居民 | 东北 | 620 |\n", *st = "厂界外500米范围内无居民区。\n";
    size_t n = 3000;
    size_t rl = strlen(row), sl = strlen(st), len = strlen(T21);
    char *md = malloc(n * (rl + sl) + 256);
    memcpy(md, T21, len);
    for (size_t i = 0; i < n; i++, len += rl) memcpy(md + len, row, rl);
    for (size_t i = 0; i < n; i++, len += sl) memcpy(md + len, st, sl);
    md[len] = 0;
    check(f, md, "");
    free(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reports),
        cmocka_unit_test(test_silent),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_long),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
