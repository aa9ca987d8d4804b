/* Unit tests for the `places` kind (EIA302, EIA304): the project's location
 * from the 建设地点 field or the text, foreign division names and everything
 * that must not count (《》, the preparing unit, roads, organisations, trade
 * and neighbourhood sentences, everyday and county short names), ambiguous
 * names, allow="prefecture", and the 项目代码 division segment. */
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
    "<ruleset id=\"p\">\n"
    "  <data name=\"places\" file=\"places.xml\"/>\n"
    "  <rule id=\"P001\" severity=\"warning\" category=\"copying-signal\">\n"
    "    <message>{place}|{full}|{location}|{count}</message>\n"
    "    <places check=\"foreign\" scope=\"基本情况|工程分析|环境现状\" own=\"编制单位\">\n"
    "      <after>(?:东|西|南|北)?(?:路|街)</after>\n"
    "      <after>[\\p{Han}]{0,16}?(?:有限公司|股份)</after>\n"
    "      <before>距离?</before>\n"
    "      <unless>购自|销往</unless>\n"
    "    </places>\n"
    "    <example type=\"fail\">建设地点：江苏省苏州市吴中区\n## 工程分析\n无锡市</example>\n"
    "    <example type=\"pass\">建设地点：江苏省苏州市吴中区\n## 工程分析\n苏州市</example>\n"
    "  </rule>\n"
    "  <rule id=\"P002\" severity=\"warning\" category=\"copying-signal\">\n"
    "    <message>{place}</message>\n"
    "    <places check=\"foreign\" scope=\"工程分析\" allow=\"prefecture\"/>\n"
    "    <example type=\"fail\">建设地点：江苏省苏州市吴中区\n## 工程分析\n无锡市</example>\n"
    "    <example type=\"pass\">建设地点：江苏省苏州市吴中区\n## 工程分析\n相城区</example>\n"
    "  </rule>\n"
    "  <rule id=\"P003\" severity=\"warning\" category=\"copying-signal\">\n"
    "    <message>{code}|{division}|{location}</message>\n"
    "    <places check=\"code\">\n"
    "      <case name=\"unknown-code\" message=\"unknown {code}|{location}\"/>\n"
    "    </places>\n"
    "    <example type=\"fail\">建设地点：江苏省苏州市吴中区\n项目代码：2403-320206-89-01-512345</example>\n"
    "    <example type=\"pass\">建设地点：江苏省苏州市吴中区\n项目代码：2403-320506-89-01-512345</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "p.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

static void run(fixture *f, const char *id, const char *md, fl_result *res)
{
    kind_run(f, id, NULL, NULL, md, res);
}

static void test_foreign(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "P001",
        "建设地点：江苏省苏州市吴中区木渎镇金枫南路1288号\n"
        "## 二、建设项目工程分析\n"
        "项目位于苏州市吴中区木渎镇，江苏、苏州均为本地。\n"
        "原项目位于无锡市惠山区钱桥街道。\n"
        "惠山区另有一处，新吴区也有。\n",
        &res);
    assert_int_equal(res.nfindings, 2);
    assert_string_equal(res.findings[0].message, "无锡市惠山区|江苏省无锡市惠山区|江苏省苏州市吴中区|2");
    assert_int_equal(res.findings[0].line, 4);
    assert_int_equal(res.findings[0].column, 6);
    assert_int_equal(res.findings[0].end_column, 12);
    assert_string_equal(res.findings[1].message, "新吴区|江苏省无锡市新吴区|江苏省苏州市吴中区|1");
    fl_result_free(&res);
}

static void test_not_counted(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "P001",
        "建设地点：江苏省苏州市吴中区\n"
        "## 一、建设项目基本情况\n"
        "编制单位：临沂清源环境科技有限公司\n"
        "符合《无锡市城市总体规划》；设备由徐州华光锅炉股份有限公司提供；厂区西侧为南京路，距无锡市区30km。\n"
        "原料购自山东省，产品销往上海。朝阳、东方、惠山、海淀不是完整地名；要提高县级管理水平。\n"
        "## 编制单位情况\n"
        "编制单位位于临沂市兰山区。\n",
        &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    /* a two-character county name right after its prefecture counts */
    run(f, "P001", "建设地点：江苏省苏州市吴中区\n## 环境现状\n引用宜宾市高县的监测数据。\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "宜宾市高县|四川省宜宾市高县|江苏省苏州市吴中区|1");
    fl_result_free(&res);
}

static void test_ambiguous_and_prefecture(void **state)
{
    fixture *f = *state;
    fl_result res;
    /* 朝阳区 is Beijing's and Changchun's; any local reading is local */
    run(f, "P001", "建设地点：北京市朝阳区酒仙桥\n## 工程分析\n朝阳区、鼓楼区\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "鼓楼区|江苏省南京市鼓楼区|北京市朝阳区|1");
    fl_result_free(&res);
    /* the address settles 鼓楼区 by the next name */
    run(f, "P001", "建设地点：鼓楼区\n## 工程分析\n鼓楼区\n", &res);
    assert_int_equal(res.nfindings, 0); /* unsettled: no location, no judgement */
    fl_result_free(&res);
    run(f, "P002", "建设地点：江苏省苏州市吴中区\n## 工程分析\n相城区、姑苏区、惠山区\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "惠山区");
    fl_result_free(&res);
    run(f, "P001", "建设地点：江苏省苏州市吴中区\n## 工程分析\n相城区\n", &res);
    assert_int_equal(res.nfindings, 1); /* a sibling is not the location */
    fl_result_free(&res);
}

static void test_location_from_text(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "P001",
        "## 1 概述\n"
        "潍坊瑞丰公司拟在山东省潍坊市寿光市侯镇建设项目。\n"
        "## 4 环境现状调查与评价\n"
        "寿光市位于山东半岛中北部；临沂市兰山区公报显示……\n",
        &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "临沂市兰山区|山东省临沂市兰山区|山东省潍坊市寿光市|1");
    fl_result_free(&res);
    run(f, "P001", "## 工程分析\n临沂市兰山区\n", &res); /* one level only: no location */
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
}

static void test_code(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "P003", "建设地点：江苏省苏州市吴中区\n项目代码：2403-320206-89-01-512345\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "320206|江苏省无锡市惠山区|江苏省苏州市吴中区");
    assert_int_equal(res.findings[0].line, 2);
    assert_int_equal(res.findings[0].column, 11);
    assert_int_equal(res.findings[0].end_column, 17);
    fl_result_free(&res);
    static const char *const fine[] = {
        "建设地点：江苏省苏州市吴中区\n项目代码：2403-320571-89-01-512345\n", /* development zone */
        "建设地点：江苏省苏州市吴中区\n项目代码：2403-320000-89-01-512345\n", /* province */
        "建设地点：山东省济南市历下区\n项目代码：2017-371200-01-01-00001\n", /* former 莱芜市 */
        "项目代码：2403-320206-89-01-512345\n",                            /* no location */
        "建设地点：江苏省苏州市吴中区\n项目代码：无\n",
    };
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
        run(f, "P003", fine[i], &res);
        if (res.nfindings) fail_msg("case %zu: %s", i, res.findings[0].message);
        fl_result_free(&res);
    }
    run(f, "P003", "建设地点：山东省青岛市市北区\n项目代码：2017-371200-01-01-00001\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "371200|山东省济南市|山东省青岛市市北区");
    fl_result_free(&res);
    run(f, "P003", "建设地点：江苏省苏州市吴中区\n项目代码：2403-990506-89-01-512345\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "unknown 990506|江苏省苏州市吴中区");
    fl_result_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_foreign),
        cmocka_unit_test(test_not_counted),
        cmocka_unit_test(test_ambiguous_and_prefecture),
        cmocka_unit_test(test_location_from_text),
        cmocka_unit_test(test_code),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
