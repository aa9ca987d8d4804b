/* Unit tests for the `instruments` kind (LAW001): what a finding says (the
 * cited text as typed, the instrument, its replacement or repeal, the cutoff,
 * the judging date), dates (编制日期 to the month, --as-of, chains), and the
 * look-alikes real filings write that must stay quiet: the replacement in the
 * same sentence, history sentences, 现有工程 sections, short forms without
 * the catalogue's name, other issuers' 文号, one finding per instrument and
 * sentence. The shipped LAW001 is also run over real-shaped 编制依据 lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/date.h"
#include "model/load.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"l\">\n"
    "  <data name=\"instruments\" file=\"instruments.xml\"/>\n"
    "  <rule id=\"L001\" severity=\"error\" category=\"data-error\">\n"
    "    <message>R|{cited}|{title}|{replacement}|{effective}|{date}</message>\n"
    "    <instruments exclude=\"现有工程|原环评\" repealed-message=\"X|{cited}|{title}|{replacement}|{effective}|{date}\">\n"
    "      <unless>原环评|当时|代替|废止</unless>\n"
    "    </instruments>\n"
    "    <example type=\"fail\">编制日期：2024年5月\n环境保护部令第44号</example>\n"
    "    <example type=\"pass\">编制日期：2024年5月\n生态环境部令第16号</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "l.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

static void run(fixture *f, const char *md, const char *as_of, fl_result *res)
{
    kind_run(f, "L001", NULL, as_of, md, res);
}

static void test_messages(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f,
        "编制日期：2023年6月\n"
        "（2）《建设项目环境影响评价分类管理名录》（环境保护部令第44号）；\n"
        "（3）《国家危险废物名录（2016年版）》；\n"
        "（4）《农用地污染土壤修复项目管理指南（试行）》（环办[2014]93号）。\n",
        NULL, &res);
    assert_int_equal(res.nfindings, 3);
    assert_string_equal(res.findings[0].message,
                        "R|环境保护部令第44号|《建设项目环境影响评价分类管理名录》（环境保护部令第44号）|"
                        "《建设项目环境影响评价分类管理名录（2021年版）》（生态环境部令第16号）|2021-01-01|2023-06");
    assert_int_equal(res.findings[0].line, 2);
    assert_int_equal(res.findings[0].column, 23); /* after （2）《 16 characters 》（ */
    assert_string_equal(res.findings[0].match, "环境保护部令第44号");
    /* an edition's closing bracket belongs to the citation */
    assert_string_equal(res.findings[1].match, "国家危险废物名录（2016年版）");
    assert_string_equal(res.findings[1].message,
                        "R|国家危险废物名录（2016年版）|《国家危险废物名录（2016年版）》（环境保护部令第39号）|"
                        "《国家危险废物名录（2021年版）》（生态环境部令第15号）|2021-01-01|2023-06");
    /* repealed: its own message; the title and the 文号 are one citation */
    assert_int_equal(res.findings[2].line, 4);
    assert_string_equal(res.findings[2].message,
                        "X|农用地污染土壤修复项目管理指南|《农用地污染土壤修复项目管理指南（试行）》（环办〔2014〕93号）|"
                        "《关于加强土壤污染防治项目管理的通知》（环办土壤〔2020〕23号）|2020-08-27|2023-06");
    fl_result_free(&res);
}

static void test_dates(void **state)
{
    fixture *f = *state;
    fl_result res;
    /* before the cutoff: in force */
    run(f, "编制日期：2020年12月\n依据环境保护部令第44号。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "编制日期：2021年1月\n依据环境保护部令第44号。\n", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    /* a month alone counts from its first day: 2020年8月 may predate 2020-08-27 */
    run(f, "编制日期：2020年8月\n依据环办〔2014〕93号。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "编制日期：2020年9月\n依据环办〔2014〕93号。\n", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    /* --as-of over the 编制日期; chains followed to the edition in force */
    run(f, "编制日期：2018-03-01\n执行《国家危险废物名录（2016年版）》。\n", "2025-03-01", &res);
    assert_int_equal(res.nfindings, 1);
    assert_non_null(strstr(res.findings[0].message, "|《国家危险废物名录（2025年版）》|2025-01-01|2025-03-01"));
    fl_result_free(&res);
    run(f, "编制日期：2018-03-01\n执行《国家危险废物名录（2016年版）》。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    /* the current edition never */
    run(f, "执行《国家危险废物名录（2025年版）》、《产业结构调整指导目录（2024年本）》。\n", "2026-01-01", &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
}

static void test_look_alikes(void **state)
{
    fixture *f = *state;
    fl_result res;
    /* the replacement cited in the same sentence */
    run(f, "编制日期：2023年6月\n执行《国家危险废物名录（2021年版）》（代替2016年版名录）。\n"
           "执行《国家危险废物名录（2021年版）》，原《国家危险废物名录（2016年版）》同时失效。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    /* a history sentence; an excluded section */
    run(f, "编制日期：2023年6月\n2017年依据44号令分类管理名录编制了原环评。\n"
           "## 三、现有工程回顾\n现有工程危险废物按《国家危险废物名录（2016年版）》识别。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    /* a short form needs the catalogue's name in its sentence */
    run(f, "编制日期：2023年6月\n《某某港口设施保安规则》（交通运输部令第44号）；\n本项目属44号令规定的类别。\n", NULL,
        &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "编制日期：2023年6月\n根据《建设项目环境影响评价分类管理名录》（部令第44号），应编制报告表。\n", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].match, "部令第44号");
    fl_result_free(&res);
    /* another issuer's 文号; a longer number */
    run(f, "编制日期：2023年6月\n《关于某某片区环境管理的通知》（皖环办〔2014〕93号）；环办〔2014〕193号。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    /* a sentence telling of a year the instrument was in force is history; a
     * later year, an edition's year or a 施行 / 公布 / 修正 date is not */
    run(f, "编制日期：2023年6月\n项目于2019年依据《国家危险废物名录（2016年版）》编制应急预案并备案。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "编制日期：2023年6月\n本项目于2023年委托编制，危险废物依据《国家危险废物名录（2016年版）》识别。\n"
           "《国家危险废物名录》（2016年版，2016年8月1日起施行）。\n"
           "《建设项目环境影响评价分类管理名录》（2017年6月29日环境保护部令第44号公布，根据2018年4月28日"
           "生态环境部令第1号修正）。\n", NULL, &res);
    assert_int_equal(res.nfindings, 3);
    fl_result_free(&res);
    /* one finding per instrument and sentence; a second sentence reports again */
    run(f, "编制日期：2023年6月\n《国家危险废物名录（2016年版）》（环境保护部令第39号）、部令第39号危险废物名录。"
           "又见环境保护部令第39号。\n", NULL, &res);
    assert_int_equal(res.nfindings, 2);
    fl_result_free(&res);
}

/* The shipped rule over 编制依据 lists written the way real filings lay them
 * out (numbered items, one per paragraph, 令号 and 文号 in brackets). */
static void test_shipped_rule(void **state)
{
    (void)state;
    fixture *g = NULL;
    void *st = NULL;
    assert_int_equal(fixture_load(&st, FL_SOURCE_RULESETS "/filing.xml", NULL), 0);
    g = st;
    fl_result res;
    /* a 2023 报告表 that kept its 2019 list */
    kind_run(g, "LAW001", "eia-form", NULL,
             "## 一、建设项目基本情况\n编制日期：2023年3月\n"
             "### 编制依据\n"
             "1、《中华人民共和国环境影响评价法》（2018年12月29日修正）；\n"
             "2、《建设项目环境保护管理条例》（国务院令第682号）；\n"
             "3、《建设项目环境影响评价分类管理名录》（环境保护部令第44号，生态环境部令第1号修改）；\n"
             "4、《环境影响评价公众参与暂行办法》（环发〔2006〕28号）；\n"
             "5、《产业结构调整指导目录（2019年本）》；\n",
             &res);
    assert_int_equal(res.nfindings, 2); /* the catalogue once, the 暂行办法; 2019年本 was current */
    assert_int_equal(res.findings[0].line, 6);
    assert_int_equal(res.findings[1].line, 7);
    fl_result_free(&res);
    /* the same list brought up to date: quiet */
    kind_run(g, "LAW001", "eia-form", NULL,
             "## 一、建设项目基本情况\n编制日期：2024年5月\n"
             "### 编制依据\n"
             "1、《建设项目环境影响评价分类管理名录（2021年版）》（生态环境部令第16号）；\n"
             "2、《环境影响评价公众参与办法》（生态环境部令第4号）；\n"
             "3、《产业结构调整指导目录（2024年本）》（国家发展改革委令第7号）；\n"
             "4、《国家危险废物名录（2021年版）》（生态环境部令第15号）；\n",
             &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    teardown(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_look_alikes),
        cmocka_unit_test(test_shipped_rule),
    };
    return cmocka_run_group_tests_name("kind instruments", tests, setup, teardown);
}
