/* Unit tests for the `dataage` kind with the shipped EIA208: a 公报 or
 * monitoring date more than three years before the filing's own date, the
 * way filings cite them (《2018年常州市生态环境状况公报》, 监测时间为2019年6月
 * 1日~7日, 引用…2018年的监测数据, 2016~2019年 spans), and a 大气 补充监测
 * shorter than the guideline asks (7 days in a 报告书, 3 in a 报告表); and
 * the dates it must leave alone: standards' years, 修改单, editions, laws,
 * the existing plant's history, trends, dates within three years, noise
 * monitoring, a filing with no date of its own. */
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

/* The quoted {data} of each finding, "a;b"; a supplement finding as "N天". */
static void show(char *out, size_t cap, const fl_finding *fd)
{
    kind_span sup = kind_between(fd->message, "补充监测仅", "（");
    kind_span quoted = kind_between(fd->message, "“", "”");
    if (sup.s) snprintf(out, cap, "%.*s", sup.len, sup.s);
    else if (quoted.s) snprintf(out, cap, "%.*s", quoted.len, quoted.s);
    else snprintf(out, cap, "?%s", fd->message);
}

static void check_as(fixture *f, const char *type, const char *md, const char *want)
{
    kind_expect(f, "EIA208", type, NULL, md, show, want, 0);
}

#define FORM(date) "建设项目环境影响报告表\n项目名称：年产2000吨塑料制品项目\n编制日期：" date "\n## 三、区域环境质量现状、环境保护目标及评价标准\n"
#define BOOK(date) "建设项目环境影响报告书\n项目名称：年产2000吨塑料制品项目\n编制日期：" date "\n## 4 环境现状调查与评价\n"

static void check(fixture *f, const char *md, const char *want) { check_as(f, "eia-form", md, want); }

static void test_age(void **state)
{
    fixture *f = *state;
    check(f, FORM("2023年5月") "根据《2018年常州市生态环境状况公报》，项目所在区域为不达标区。\n", "2018年");
    check(f, FORM("2023年5月") "根据《常州市2019年环境质量公报》，区域为达标区。\n", "2019年");
    check(f, FORM("2023年5月") "根据《常州市2020年环境质量公报》，区域为达标区。\n", "");
    check(f, FORM("2023年5月") "非甲烷总烃引用《某某项目环境影响报告表》中2018年6月的监测数据。\n", "2018年6月");
    check(f, FORM("2023年5月") "监测时间为2019年6月1日~7日，监测因子为TSP。\n", "2019年6月1日~7日");
    /* to the day: stale from three years and a day */
    check(f, FORM("2023年5月") "监测时间为2020年4月20日~26日。\n", "2020年4月20日~26日");
    check(f, FORM("2023年5月") "监测时间为2020年5月1日~7日。\n", "");
    /* a span of years counts by its end */
    check(f, FORM("2023年5月") "引用2016~2019年的监测资料。\n", "2016~2019年");
    check(f, FORM("2023年5月") "引用2016~2021年的监测资料。\n", "");
    /* a filing dated to the year only stands for its first day */
    check(f, FORM("2023年") "根据《2019年常州市环境状况公报》，区域为不达标区。\n", "2019年");
    /* Chinese numerals on the cover */
    check(f, FORM("二〇二三年五月") "根据《2018年常州市环境状况公报》，区域为不达标区。\n", "2018年");
    /* one finding per sentence */
    check(f, FORM("2023年5月") "引用2017年和2018年的监测数据。\n", "2017年");
}

static void test_age_silent(void **state)
{
    fixture *f = *state;
    /* standards, amendments, editions, laws */
    check(f, FORM("2023年5月") "执行《环境空气质量标准》（GB 3095-2012）二级标准及2018年修改单。\n", "");
    check(f, FORM("2023年5月") "依据《建设项目环境影响评价分类管理名录（2021年版）》，监测因子见表3-1。\n", "");
    check(f, FORM("2023年5月") "依据《中华人民共和国环境影响评价法》（2018年修正），开展现状监测。\n", "");
    /* no data word in the clause */
    check(f, FORM("2023年5月") "项目所在工业园区于2015年设立，现状监测点位见附图。\n", "");
    /* the existing plant, a trend */
    check(f, FORM("2023年5月") "现有工程2017年验收监测结果表明废气达标排放。\n", "");
    check(f, FORM("2023年5月") "2015~2022年常州市PM2.5年均浓度呈逐年下降的变化趋势，监测数据见表3-2。\n", "");
    /* a date in the future is EIA202's */
    check(f, FORM("2023年5月") "监测时间为2023年6月1日~7日。\n", "");
    /* outside the status sections */
    check(f, "建设项目环境影响报告表\n编制日期：2023年5月\n## 一、建设项目基本情况\n企业2018年委托监测站开展了监测。\n", "");
    /* no filing date: nothing to age against */
    check(f, "建设项目环境影响报告表\n## 三、区域环境质量现状、环境保护目标及评价标准\n根据《2018年常州市生态环境状况公报》，区域为不达标区。\n", "");
}

static void test_supplement(void **state)
{
    fixture *f = *state;
    check(f, FORM("2023年5月") "非甲烷总烃补充监测时间为2023年3月1日~3月2日。\n", "2天");
    check(f, FORM("2023年5月") "在厂址下风向设1个点位，对非甲烷总烃进行补充监测，连续监测2天。\n", "2天");
    check(f, FORM("2023年5月") "对非甲烷总烃进行补充监测，连续监测3天。\n", "");
    check_as(f, "eia-book", BOOK("2023年5月") "2023年3月1日~3月5日对项目区补充监测了氨、硫化氢。\n", "5天");
    check_as(f, "eia-book", BOOK("2023年5月") "2023年3月1日~3月7日对项目区补充监测了氨、硫化氢。\n", "");
    /* not air: noise and water have their own guidelines */
    check(f, FORM("2023年5月") "声环境补充监测2天，昼夜各一次。\n", "");
    check(f, FORM("2023年5月") "对地表水进行补充监测，连续监测2天。\n", "");
    /* a 报告表 before the 2021 guideline */
    check(f, FORM("2020年5月") "对非甲烷总烃进行补充监测，连续监测2天。\n", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_age),
        cmocka_unit_test(test_age_silent),
        cmocka_unit_test(test_supplement),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
