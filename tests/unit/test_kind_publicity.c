/* Unit tests for the `publicity` kind (EIA402-EIA406): dates and periods as
 * filings type them, working days with holidays and make-up days, a year the
 * holiday table lacks, the 征求意见稿 stage apart from the others, stated
 * counts, channels and newspaper runs, commissioning, synchronous start and
 * respondent tables. */
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

#define CHANNELS                                                              \
    "<stage>征求意见稿</stage><other-stage>首次|报批前</other-stage>"           \
    "<channel role=\"network\" name=\"网络\">网站|网络平台</channel>"           \
    "<channel role=\"newspaper\" name=\"报纸\">报纸|日报|《[^》]{1,12}报》</channel>" \
    "<channel role=\"posting\" name=\"张贴\">张贴|公告栏</channel>"
#define WHERE "scope=\"^公众参与\" whole-document=\"eia-pp\""
#define EXAMPLES "<example type=\"fail\">x</example><example type=\"pass\">y</example>"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"pp\" applies-to=\"eia-pp eia-book\">\n"
    "  <data name=\"holidays\" file=\"holidays.xml\"/>\n"
    /* min 30: every period is reported, so the tests can read how it was counted */
    "  <rule id=\"Q001\" severity=\"error\" category=\"pp\"><message>{channel}|{from}|{to}|{days}</message>\n"
    "    <publicity check=\"period\" min=\"30\" " WHERE ">" CHANNELS
    "      <case name=\"unknown-year\" message=\"?{channel}|{from}|{to}|{days}\"/>\n"
    "      <case name=\"stated\" message=\"S{channel}|{days}\"/></publicity>" EXAMPLES "</rule>\n"
    "  <rule id=\"Q002\" severity=\"error\" category=\"pp\"><message>{channel}|{days}</message>\n"
    "    <publicity check=\"period\" " WHERE ">" CHANNELS
    "      <case name=\"unknown-year\" message=\"?{channel}|{days}\"/>\n"
    "      <case name=\"stated\" message=\"S{channel}|{days}\"/></publicity>" EXAMPLES "</rule>\n"
    "  <rule id=\"Q003\" severity=\"warning\" category=\"pp\"><message>missing {channel}</message>\n"
    "    <publicity check=\"channels\" " WHERE ">" CHANNELS
    "      <unless>详见[^。]{0,10}公众参与说明</unless>\n"
    "      <case name=\"newspaper\" message=\"runs {count}|{value}\"/></publicity>" EXAMPLES "</rule>\n"
    "  <rule id=\"Q004\" severity=\"warning\" category=\"pp\"><message>{commission}|{first}|{days}</message>\n"
    "    <publicity check=\"commission\" " WHERE ">"
    "      <commission>委托[^。;]{0,30}编制|确定[^。;]{0,20}编制单位</commission><first>首次</first>\n"
    "      <case name=\"unknown-year\" message=\"?{commission}|{first}\"/></publicity>" EXAMPLES "</rule>\n"
    "  <rule id=\"Q005\" severity=\"warning\" category=\"pp\"><message>{network}|{newspaper}|{posting}</message>\n"
    "    <publicity check=\"same-start\" " WHERE ">" CHANNELS "</publicity>" EXAMPLES "</rule>\n"
    "  <rule id=\"Q006\" severity=\"warning\" category=\"pp\"><message>{row}|{other}|{column}|{value}</message>\n"
    "    <publicity check=\"respondents\" " WHERE ">"
    "      <column role=\"name\">姓名</column><column role=\"phone\">电话</column><column role=\"id\">身份证</column>\n"
    "      <case name=\"check-digit\" message=\"id {row}|{value}\"/></publicity>" EXAMPLES "</rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "pp.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

static void run(fixture *f, const char *id, const char *type, const char *md, fl_result *res)
{
    kind_run(f, id, type, NULL, md, res);
}

/* Exactly these messages, in order. */
static void expect(fixture *f, const char *id, const char *type, const char *md, const char *const *msgs, size_t n)
{
    fl_result res;
    run(f, id, type, md, &res);
    if (res.nfindings != n) {
        for (size_t i = 0; i < res.nfindings; i++) fprintf(stderr, "  got: %s\n", res.findings[i].message);
        fail_msg("%s: %zu findings, expected %zu, for: %s", id, res.nfindings, n, md);
    }
    for (size_t i = 0; i < n; i++) assert_string_equal(res.findings[i].message, msgs[i]);
    fl_result_free(&res);
}

#define EXPECT(id, type, md, ...)                                                         \
    do {                                                                                   \
        const char *const m_[] = {__VA_ARGS__};                                            \
        expect(f, id, type, md, m_, sizeof m_ / sizeof *m_ - 1);                           \
    } while (0)

static void test_dates_as_typed(void **state)
{
    fixture *f = *state;
    static const struct { const char *text, *msg; } cases[] = {
        {"征求意见稿于2024年3月1日至2024年3月14日在网站公示。", "网络|2024年3月1日|2024年3月14日|10"},
        {"征求意见稿于2024年3月1日—3月14日在网站公示。", "网络|2024年3月1日|3月14日|10"},
        {"征求意见稿于2024年3月1日至14日在网站公示。", "网络|2024年3月1日|14日|10"},
        {"征求意见稿于2024-03-01~2024-03-14在网站公示。", "网络|2024-03-01|2024-03-14|10"},
        {"征求意见稿自２０２４年３月１日起至２０２４年３月１４日止在网站公示。", "网络|２０２４年３月１日|２０２４年３月１４日|10"},
        {"征求意见稿于二〇二四年三月一日至二〇二四年三月十四日在网站公示。", "网络|二〇二四年三月一日|二〇二四年三月十四日|10"},
        /* into the next year; 2024-01-01 is a holiday */
        {"征求意见稿于2023年12月28日至1月10日在网站公示。", "网络|2023年12月28日|1月10日|9"},
        /* 2025-02-08, a Saturday, was worked (春节调休) */
        {"征求意见稿于2025年2月7日至2025年2月19日在网站公示。", "网络|2025年2月7日|2025年2月19日|10"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char md[512];
        snprintf(md, sizeof md, "## 三、征求意见稿公示情况\n%s\n", cases[i].text);
        EXPECT("Q001", "eia-pp", md, cases[i].msg, NULL);
    }
}

static void test_channels_share_a_period(void **state)
{
    fixture *f = *state;
    /* one range for both channels: one finding naming both */
    EXPECT("Q001", "eia-pp",
           "## 三、征求意见稿公示情况\n公示时间为2024年3月1日至2024年3月14日。\n征求意见稿在网站公示，同时在村委会公告栏张贴。\n",
           "网络、张贴|2024年3月1日|2024年3月14日|10", NULL);
    /* the range of another clause of the sentence: 同期 */
    EXPECT("Q001", "eia-book",
           "## 9.3 公众参与\n征求意见稿于2024年3月1日至2024年3月14日在网站公示，同期在各村公告栏张贴公示。\n",
           "网络、张贴|2024年3月1日|2024年3月14日|10", NULL);
    /* each channel its own range, the general one ignored when a channel has its own */
    EXPECT("Q001", "eia-pp",
           "## 三、征求意见稿公示情况\n公示时间为2024年3月1日至2024年3月14日。\n"
           "征求意见稿于2024年3月4日至2024年3月8日在网站公示。\n",
           "张贴|2024年3月1日|2024年3月14日|10", "网络|2024年3月4日|2024年3月8日|5", NULL);
}

static void test_real_minimum(void **state)
{
    fixture *f = *state;
    EXPECT("Q002", "eia-pp", "## 三、征求意见稿公示情况\n征求意见稿于2025年2月7日至2025年2月19日在网站和公告栏公示。\n", NULL);
    /* 国庆 2024: 10月1日-7日 off, 9月29日 and 10月12日 worked */
    EXPECT("Q002", "eia-pp", "## 三、征求意见稿公示情况\n征求意见稿于2024年9月25日至2024年10月10日在网站和公告栏公示。\n",
           "网络、张贴|8", NULL);
}

static void test_unknown_year(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "Q002", "eia-pp", "## 三、征求意见稿公示情况\n征求意见稿于2030年3月1日至2030年3月12日在网站和公告栏公示。\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].severity, FL_SEV_INFO);
    assert_string_equal(res.findings[0].message, "?网络、张贴|8");
    fl_result_free(&res);
    /* long enough whatever the holidays */
    EXPECT("Q002", "eia-pp", "## 三、征求意见稿公示情况\n征求意见稿于2030年3月1日至2030年4月30日在网站和公告栏公示。\n", NULL);
}

static void test_stage(void **state)
{
    fixture *f = *state;
    /* a 公众参与说明: only the 征求意见稿 section */
    EXPECT("Q001", "eia-pp",
           "## 二、首次环境影响评价信息公开情况\n首次公开于2024年1月8日至2024年1月9日在网站进行。\n"
           "## 三、征求意见稿公示情况\n征求意见稿于2024年3月1日至2024年3月14日在网站公示。\n"
           "## 六、报批前公开情况\n2024年5月6日至2024年5月7日在网站公开报批稿。\n",
           "网络|2024年3月1日|2024年3月14日|10", NULL);
    /* a book's section: sentences about other stages are left out */
    EXPECT("Q001", "eia-book",
           "## 8 环境管理\n征求意见稿于2024年1月2日至2024年1月3日在网站公示。\n"
           "## 9 公众参与\n首次公示于2023年9月8日至9月12日在网站进行。征求意见稿于2023年12月4日至2023年12月15日在网站公示。\n",
           "网络|2023年12月4日|2023年12月15日|10", NULL);
    /* a 征求意见稿 heading outside the book's 公众参与 section is not the stage's */
    EXPECT("Q001", "eia-book",
           "# 8 其他\n## 8.1 征求意见稿修改说明\n征求意见稿于2024年1月2日至2024年1月3日在网站公示。\n"
           "# 9 公众参与\n## 9.2 征求意见稿公示\n征求意见稿于2023年12月4日至2023年12月15日在网站公示。\n",
           "网络|2023年12月4日|2023年12月15日|10", NULL);
    /* a book section that never speaks of the 征求意见稿 */
    EXPECT("Q002", "eia-book", "## 9 公众参与\n公众参与于2024年3月1日至2024年3月5日在网站进行。\n", NULL);
}

static void test_stated(void **state)
{
    fixture *f = *state;
    EXPECT("Q002", "eia-pp",
           "## 三、征求意见稿公示情况\n征求意见稿在网站公示，公示期为8个工作日。\n在公告栏张贴，公示期不少于10个工作日。\n",
           "S网络|8", NULL);
    EXPECT("Q002", "eia-pp", "## 三、征求意见稿公示情况\n征求意见稿在网站和公告栏连续公示十个工作日。\n", NULL);
}

static void test_channels(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "Q003", "eia-pp", "## 一、概述\n说明。\n## 三、征求意见稿公示情况\n征求意见稿于2023年12月4日至2023年12月15日在网站公示。\n", &res);
    assert_int_equal(res.nfindings, 2);
    assert_string_equal(res.findings[0].item, "张贴"); /* same place: by message */
    assert_string_equal(res.findings[1].item, "报纸");
    assert_int_equal(res.findings[0].line, 3); /* the stage section's heading */
    fl_result_free(&res);
    /* newspaper runs inside the network period only */
    EXPECT("Q003", "eia-pp",
           "## 三、征求意见稿公示情况\n征求意见稿于2023年12月4日至2023年12月15日在网站公示，在公告栏张贴。\n"
           "分别于2023年11月30日和12月7日在《潍坊日报》刊登。\n",
           "runs 1|2023年11月30日、12月7日", NULL);
    /* one date listed, two runs stated */
    EXPECT("Q003", "eia-pp",
           "## 三、征求意见稿公示情况\n征求意见稿于2023年12月4日至2023年12月15日在网站公示，在公告栏张贴。\n"
           "2023年12月4日起在《潍坊日报》刊登，共2次。\n", NULL);
    EXPECT("Q003", "eia-pp",
           "## 三、征求意见稿公示情况\n征求意见稿在网站公示，在公告栏张贴，在报纸刊登1次。\n", "runs 1|", NULL);
    /* a book that points to the separate 说明 */
    EXPECT("Q003", "eia-book", "## 9 公众参与\n征求意见稿公示情况详见单独编制的公众参与说明。\n", NULL);
}

static void test_commission(void **state)
{
    fixture *f = *state;
    /* a month alone counts as its last day: 2019-05-31 + 7 working days is
     * 2019-06-12 (端午 2019-06-07 off) */
    EXPECT("Q004", "eia-pp",
           "## 一、概述\n2019年5月，建设单位委托某公司承担报告书编制工作。\n"
           "## 二、首次环境影响评价信息公开情况\n建设单位于2019年6月13日进行了首次公开。\n",
           "2019年5月|2019年6月13日|8", NULL);
    EXPECT("Q004", "eia-pp",
           "## 一、概述\n2019年5月，建设单位委托某公司承担报告书编制工作。\n"
           "## 二、首次环境影响评价信息公开情况\n建设单位于2019年6月12日进行了首次公开。\n", NULL);
    /* 2024-09-27 + 7 working days = 2024-10-12 (a worked Saturday) */
    EXPECT("Q004", "eia-pp",
           "## 一、概述\n2024年9月27日，建设单位委托某公司承担报告书编制工作。\n"
           "## 二、首次环境影响评价信息公开情况\n于2024年10月12日进行了首次公开。\n", NULL);
    EXPECT("Q004", "eia-pp",
           "## 一、概述\n2024年9月27日，建设单位委托某公司承担报告书编制工作。\n"
           "## 二、首次环境影响评价信息公开情况\n于2024年10月14日进行了首次公开。\n",
           "2024年9月27日|2024年10月14日|8", NULL);
    /* one sentence; the 确定编制单位 inside the first-publicity clause is not the commissioning */
    EXPECT("Q004", "eia-book",
           "## 9 公众参与\n2023年9月4日建设单位委托编制单位开展报告书编制，2023年9月20日进行了首次公开（确定编制单位后7个工作日内）。\n",
           "2023年9月4日|2023年9月20日|12", NULL);
    fl_result res;
    run(f, "Q004", "eia-pp", "## 一、概述\n2030年3月1日委托某公司编制报告书。\n## 二、首次公开情况\n2030年3月20日首次公开。\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].severity, FL_SEV_INFO);
    assert_string_equal(res.findings[0].message, "?2030年3月1日|2030年3月20日");
    fl_result_free(&res);
}

static void test_same_start(void **state)
{
    fixture *f = *state;
    EXPECT("Q005", "eia-pp",
           "## 三、征求意见稿公示情况\n建设单位于2020年3月14日和3月17日在《滨海日报》刊登，2020年3月14日至3月28日在公告栏张贴。\n"
           "征求意见稿于2020年3月17日至2020年3月30日在网站公示。\n",
           "2020年3月17日|2020年3月14日|2020年3月14日", NULL);
    EXPECT("Q005", "eia-pp",
           "## 三、征求意见稿公示情况\n征求意见稿于2020年3月17日至2020年3月30日在网站公示，同日起在公告栏张贴。\n"
           "2020年3月17日、3月20日在《滨海日报》刊登。\n", NULL);
    EXPECT("Q005", "eia-pp",
           "## 三、征求意见稿公示情况\n征求意见稿于2020年3月17日至3月30日在网站公示，3月18日起在公告栏张贴。\n",
           "2020年3月17日|—|3月18日", NULL);
}

static void test_respondents(void **state)
{
    fixture *f = *state;
    EXPECT("Q006", "eia-pp",
           "## 附件\n"
           "| 姓名 | 联系电话 | 身份证号码 |\n| --- | --- | --- |\n"
           "| 张明 | 138-0536-1234 | 11010519491231002x |\n"
           "| 张明 | 13805361234 | 11010519491231002X |\n"  /* the same person twice */
           "| 李华 | 138****1234 | 3201021985******28 |\n"   /* masked */
           "| 王强 | 13805361234 | 110105194912310021 |\n"
           "| 赵敏 | 0536-5221234 | 11010519491231002X |\n",
           "5|2|联系电话|13805361234", "id 5|110105194912310021", "6|2|身份证号码|11010519491231002X", NULL);
    /* no name column: nothing to tell people apart by */
    EXPECT("Q006", "eia-pp", "| 序号 | 联系电话 |\n| --- | --- |\n| 1 | 13805361234 |\n| 2 | 13805361234 |\n", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_as_typed),
        cmocka_unit_test(test_channels_share_a_period),
        cmocka_unit_test(test_real_minimum),
        cmocka_unit_test(test_unknown_year),
        cmocka_unit_test(test_stage),
        cmocka_unit_test(test_stated),
        cmocka_unit_test(test_channels),
        cmocka_unit_test(test_commission),
        cmocka_unit_test(test_same_start),
        cmocka_unit_test(test_respondents),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
