/* Unit tests for the `mulu` kind (EIA108) with the shipped 名录 table: what a
 * finding says and where; the judging date against the edition's first day;
 * facts, amounts and counts, each with the look-alikes real 报告表 write that
 * must stay quiet (negations, the existing plant, neighbours, outsourced
 * work, reactions in waste treatment, approximations and caps, totals of an
 * extension, other numbers in the same sentence); several categories in one
 * field; rows from memory at the lower severity; and a long paragraph full of
 * near-misses read in linear time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/date.h"
#include "model/load.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"m\">\n"
    "  <data name=\"mulu\" file=\"mulu.xml\"/>\n"
    "  <rule id=\"M108\" severity=\"error\" category=\"document-type\">\n"
    "    <message>{item}|{criterion}|{evidence}|{declared}|{edition}</message>\n"
    "    <mulu scope=\"工程分析|建设内容|建设项目基本情况\" exclude=\"原有环境污染问题|环境保护目标\" unverified-severity=\"warning\">\n"
    "      <unless>不(?:涉及|设|发生)|现有|原有|周边|外协|委托|名录|以外|之外|除外</unless>\n"
    "    </mulu>\n"
    "    <example type=\"fail\">编制日期：2022年5月\n建设项目行业类别：合成材料制造\n## 二、建设项目工程分析\n经聚合反应生产树脂。</example>\n"
    "    <example type=\"pass\">编制日期：2022年5月\n建设项目行业类别：合成材料制造\n## 二、建设项目工程分析\n物理混合。</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "m.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

/* A 报告表 dated date with the category, the 建设性质 and one paragraph of
 * 工程分析; the paragraph is on line 6. */
static void run(fixture *f, const char *date, const char *category, const char *nature, const char *text,
                const char *as_of, fl_result *res)
{
    char md[8192];
    snprintf(md, sizeof md,
             "## 一、建设项目基本情况\n编制日期：%s\n建设项目行业类别：%s\n建设性质：%s\n## 二、建设项目工程分析\n%s\n",
             date, category, nature, text);
    kind_run(f, "M108", "eia-form", as_of, md, res);
}

static size_t count(fixture *f, const char *category, const char *nature, const char *text)
{
    fl_result res;
    run(f, "2022年5月", category, nature, text, NULL, &res);
    size_t n = res.nfindings;
    fl_result_free(&res);
    return n;
}

#define CHEM "二十三、化学原料和化学制品制造业 44、合成材料制造265"
#define PLASTIC "二十六、橡胶和塑料制品业 53、塑料制品业292"
#define NEW "☑新建（迁建） □改建 □扩建 □技术改造"
#define EXT "□新建（迁建） □改建 ☑扩建 □技术改造"

static void test_message(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "2022年5月", CHEM, NEW, "单体在反应釜中经乳液聚合反应生成乳液。", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message,
                        "二十三、化学原料和化学制品制造业 第44项|"
                        "全部（含研发中试；不含单纯物理分离、物理提纯、混合、分装的）：项目有化学反应|聚合反应|" CHEM "|"
                        "《建设项目环境影响评价分类管理名录（2021年版）》（生态环境部令第16号）");
    assert_int_equal(res.findings[0].line, 6);
    assert_string_equal(res.findings[0].match, "聚合反应");
    assert_int_equal(res.findings[0].severity, FL_SEV_ERROR);
    fl_result_free(&res);
}

static void test_dates(void **state)
{
    fixture *f = *state;
    fl_result res;
    const char *t = "经缩合反应生成树脂。";
    run(f, "2020年12月", CHEM, NEW, t, NULL, &res); /* the 44号令 名录 applied */
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "2020年", CHEM, NEW, t, NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "2021年1月", CHEM, NEW, t, NULL, &res); /* a month counts from its first day */
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    run(f, "2022年5月", CHEM, NEW, t, "2020-12-31", &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "2020年5月", CHEM, NEW, t, "2021-01-01", &res);
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
}

static void test_facts(void **state)
{
    fixture *f = *state;
    /* a reaction of the process */
    assert_int_equal(count(f, CHEM, NEW, "苯酐与丙二醇进行酯化反应，再与苯乙烯混合稀释。"), 1);
    assert_int_equal(count(f, CHEM, NEW, "设置磺化釜2台。"), 1);
    /* not the process: negated, physical only, waste treatment, the lab, a neighbour */
    assert_int_equal(count(f, CHEM, NEW, "生产过程为物理混合，不发生化学反应。"), 0);
    assert_int_equal(count(f, CHEM, NEW, "本项目不涉及化学合成反应。"), 0);
    assert_int_equal(count(f, CHEM, NEW, "废水经芬顿氧化等化学反应处理后接管。"), 0);
    assert_int_equal(count(f, CHEM, NEW, "质检实验室中样品发生交联等化学反应。"), 0);
    assert_int_equal(count(f, CHEM, NEW, "周边企业设有聚合反应车间。"), 0);
    /* the hazards of a raw material (理化性质 tables of 工程分析) */
    assert_int_equal(count(f, CHEM, NEW, "苯乙烯遇热可能发生聚合反应，与强氧化剂接触发生化学反应。"), 0);
    /* electroplating of its own, and the ways it is not */
    assert_int_equal(count(f, PLASTIC, NEW, "部分注塑件在自建电镀线上镀铬。"), 1);
    assert_int_equal(count(f, PLASTIC, NEW, "电镀工序委托专业电镀厂加工。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "本项目不设电镀工序。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "外壳采用真空镀膜工艺。"), 0);
    /* the classification reasoning quotes the 名录's column, it states no fact */
    assert_int_equal(count(f, PLASTIC, NEW, "项目属于名录中“有电镀工艺的；年用溶剂型涂料（含稀释剂）10吨及以上的”以外的其他类别。"), 0);
    assert_int_equal(count(f, "三十、金属制品业 67-金属表面处理及热处理加工", NEW, "钢构件进入热镀锌生产线。"), 0);
    /* recycled plastic as raw material */
    assert_int_equal(count(f, PLASTIC, NEW, "项目以再生塑料颗粒为原料生产周转箱。"), 1);
    assert_int_equal(count(f, PLASTIC, NEW, "原料全部为新料，不使用再生塑料。"), 0);
}

static void test_amounts(void **state)
{
    fixture *f = *state;
    assert_int_equal(count(f, PLASTIC, NEW, "喷漆工序年用溶剂型涂料（含稀释剂）12吨。"), 1);
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料用量为10t/a。"), 1);
    assert_int_equal(count(f, PLASTIC, EXT, "溶剂型涂料用量为10t/a。"), 1); /* not a scale: any 建设性质 */
    /* below, capped, approximate, reduced, a total, another unit, a VOCs limit */
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料用量为9.9t/a。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料用量不超过15t/a。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料年用量约12吨。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料用量由20t/a削减至8t/a。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料VOCs含量限值为420g/L。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料12桶。"), 0);
    /* another item of the same list */
    assert_int_equal(count(f, PLASTIC, NEW, "年用溶剂型涂料3t/a、粉末涂料12t/a。"), 0);
    assert_int_equal(count(f, PLASTIC, NEW, "年用粉末涂料3t/a、溶剂型涂料12t/a。"), 1);
    /* the number of another clause is not the amount */
    assert_int_equal(count(f, PLASTIC, NEW, "使用溶剂型涂料，年产外壳15万件。"), 0);
    /* a mass without 年 is not a yearly amount */
    assert_int_equal(count(f, PLASTIC, NEW, "溶剂型涂料最大储存量12吨。"), 0);
}

static void test_counts_and_scales(void **state)
{
    fixture *f = *state;
    const char *hosp = "四十九、卫生 108.医院841";
    assert_int_equal(count(f, hosp, NEW, "设置住院床位520张。"), 1);
    assert_int_equal(count(f, hosp, NEW, "设置500张床位。"), 1);
    assert_int_equal(count(f, hosp, NEW, "设置住院床位499张。"), 0);
    /* an extension states new and total: scales are not judged for it */
    assert_int_equal(count(f, hosp, EXT, "新增住院床位520张。"), 0);
    assert_int_equal(count(f, hosp, NEW, "全院规划床位800张，本期设置住院床位300张。"), 0);
    const char *pig = "三、畜牧业 3.牲畜饲养031";
    assert_int_equal(count(f, pig, NEW, "存栏能繁母猪600头，年出栏生猪1.2万头。"), 1);
    assert_int_equal(count(f, pig, NEW, "年出栏生猪4800头。"), 0);
    assert_int_equal(count(f, pig, NEW, "存栏奶牛800头，折合生猪8000头。"), 0);
    /* boilers: over 65 t/h, a row read in the published 名录: an error */
    const char *heat = "四十一、电力、热力生产和供应业 91、热力生产和供应工程443";
    assert_int_equal(count(f, heat, NEW, "新建1台65t/h燃煤锅炉。"), 0);
    fl_result res;
    run(f, "2022年5月", heat, NEW, "新建2台75t/h燃煤锅炉。", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].severity, FL_SEV_ERROR);
    fl_result_free(&res);
}

static void test_categories(void **state)
{
    fixture *f = *state;
    fl_result res;
    /* two categories: judged by each; one finding a document */
    run(f, "2023年6月", "三十、金属制品业 33;67-金属表面处理及热处理加工-其他三十五、电气机械和器材制造业 38;77-照明器具制造 387-其他",
        NEW, "灯体在镀镍生产线上电镀。另设电镀车间一座。", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_non_null(strstr(res.findings[0].message, "第67项"));
    fl_result_free(&res);
    /* an item whose 报告表 column is empty: at the field */
    run(f, "2022年5月", "二十八、黑色金属冶炼和压延加工业 61、炼铁311", NEW, "建设高炉一座。", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].line, 3);
    assert_int_equal(res.findings[0].severity, FL_SEV_ERROR);
    fl_result_free(&res);
    /* not in the table, a bare number, no field */
    assert_int_equal(count(f, "五十一、水利 127.河湖整治", NEW, "经聚合反应。"), 0);
    assert_int_equal(count(f, "44", NEW, "经聚合反应。"), 0);
    kind_run(f, "M108", "eia-form", NULL, "编制日期：2022年5月\n## 二、建设项目工程分析\n经聚合反应生成树脂。\n", &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    /* the existing plant's section is not the project */
    kind_run(f, "M108", "eia-form", NULL,
             "编制日期：2022年5月\n建设项目行业类别：" CHEM "\n## 二、建设项目工程分析\n### （三）与项目有关的原有环境污染问题\n"
             "原有树脂车间经聚合反应生产。\n### （一）建设内容\n物理混合。\n",
             &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
}

/* One paragraph of 40,000 clauses that each almost meet a criterion: linear. */
static void test_long_paragraph(void **state)
{
    fixture *f = *state;
    size_t n = 40000;
    const char *piece = "溶剂型涂料用量为9t/a，";
    size_t pl = strlen(piece);
    const char *head = "## 一、建设项目基本情况\n编制日期：2022年5月\n建设项目行业类别：" PLASTIC "\n建设性质：" NEW
                       "\n## 二、建设项目工程分析\n";
    size_t hl = strlen(head);
    char *md = malloc(hl + n * pl + 64);
    memcpy(md, head, hl);
    for (size_t i = 0; i < n; i++) memcpy(md + hl + i * pl, piece, pl);
    strcpy(md + hl + n * pl, "年用溶剂型涂料12吨。\n");
    clock_t c0 = clock();
    fl_result res;
    kind_run(f, "M108", "eia-form", NULL, md, &res);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    free(md);
    assert_true(secs < 20.0);
}

/* A row marked as written from memory (conf="M") is reported at the rule's
 * unverified-severity: a table of one such row, written for the test. */
static void test_memory_row_warns(void **state)
{
    (void)state;
    char table[600];
    const char *tmp = getenv("TMPDIR");
    snprintf(table, sizeof table, "%s/fl-mulu-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(table);
    assert_true(fd >= 0);
    static const char xml[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mulu title=\"t\" edition=\"e\" from=\"2021-01-01\" source=\"s\">\n"
        "<chapter no=\"一\" name=\"某某业\">\n<item no=\"61\" conf=\"M\" source=\"s\"><class code=\"311\">炼铁</class>"
        "<book>全部</book><form>/</form><register>/</register><judge><all say=\"全部\"/></judge></item>\n</chapter>\n</mulu>\n";
    assert_true(write(fd, xml, sizeof xml - 1) == (ssize_t)(sizeof xml - 1));
    close(fd);
    char rules[4096];
    const char *at = strstr(rules_xml, "file=\"mulu.xml\"");
    assert_non_null(at);
    snprintf(rules, sizeof rules, "%.*sfile=\"%s\"%s", (int)(at - rules_xml), rules_xml, table, at + strlen("file=\"mulu.xml\""));
    void *mine = NULL;
    assert_int_equal(fixture_load(&mine, "m2.xml", rules), 0);
    fl_result res;
    run(mine, "2022年5月", "二十八、黑色金属冶炼和压延加工业 61、炼铁311", NEW, "建设高炉一座。", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].severity, FL_SEV_WARNING);
    fl_result_free(&res);
    teardown(&mine);
    unlink(table);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_message),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_facts),
        cmocka_unit_test(test_amounts),
        cmocka_unit_test(test_counts_and_scales),
        cmocka_unit_test(test_categories),
        cmocka_unit_test(test_long_paragraph),
        cmocka_unit_test(test_memory_row_warns),
    };
    return cmocka_run_group_tests_name("mulu kind", tests, setup, teardown);
}
