/* Unit tests for the readers of rules/grades.c (grade words, Roman
 * numerals, zone and standard classes with their medium and role) and for
 * the kinds `grade` and `zone`: what they must report, with the values they
 * read in the message, and the real phrasings that must stay silent
 * (criteria copied from the guidelines, raised grades, per-side zones,
 * construction limits, emission standards' classes, measured quality). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/norm.h"
#include "rules/grades.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"g\" applies-to=\"eia-book eia-form\">\n"
    "  <rule id=\"G001\" severity=\"error\" category=\"data-error\"><message>{medium} {stated} {derived} {figure}</message>\n"
    "    <grade scope=\"评价(?:工作)?等级\">\n"
    "      <medium name=\"air\" since=\"2018-12-01\" old-code=\"HJ2.2-2008\" old-message=\"old {stated} {derived}\"/>\n"
    "      <medium name=\"noise\"/><medium name=\"risk\" since=\"2019-03-01\"/>\n"
    "    </grade>\n"
    "    <example type=\"fail\">## 评价等级\nPmax为12.6%，大气评价等级为二级。\n</example>\n"
    "    <example type=\"pass\">## 评价等级\nPmax为12.6%，大气评价等级为一级。\n</example></rule>\n"
    "  <rule id=\"Z001\" severity=\"error\" category=\"data-error\"><message>{medium} {zone} {applied}</message>\n"
    "    <zone><medium name=\"noise\"/><medium name=\"air\"/><medium name=\"surface\"/></zone>\n"
    "    <example type=\"fail\">## 三、评价标准\n项目所在区域为2类声环境功能区，厂界噪声执行GB12348-2008 3类标准。\n</example>\n"
    "    <example type=\"pass\">## 三、评价标准\n项目所在区域为3类声环境功能区，厂界噪声执行GB12348-2008 3类标准。\n</example></rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "g.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

/* ---- the readers ------------------------------------------------------------ */

static void test_grade_words(void **state)
{
    (void)state;
    int g = 0;
    const char *t = "三级B";
    assert_int_equal(fl_grade_word(t, strlen(t), 0, &g), strlen(t));
    assert_int_equal(g, 3);
    t = "简单分析";
    assert_int_equal(fl_grade_word(t, strlen(t), 0, &g), strlen(t));
    assert_int_equal(g, 4);
    t = "一级评价";
    assert_int_equal(fl_grade_word(t, strlen(t), 0, &g), strlen("一级"));
    assert_int_equal(g, 1);
    t = "三级Bravo"; /* a Latin word after: B is not the sub-grade */
    assert_int_equal(fl_grade_word(t, strlen(t), 0, &g), strlen("三级"));
    t = "四级";
    assert_int_equal(fl_grade_word(t, strlen(t), 0, &g), 0);
}

static void test_roman(void **state)
{
    (void)state;
    int v;
    bool plus;
    const char *t = "Ⅳ+";
    assert_int_equal(fl_roman_at(t, strlen(t), 0, &v, &plus), strlen(t));
    assert_int_equal(v, 4);
    assert_true(plus);
    t = "III类";
    assert_int_equal(fl_roman_at(t, strlen(t), 0, &v, &plus), 3);
    assert_int_equal(v, 3);
    assert_false(plus);
    t = "VIP"; /* inside a Latin word */
    assert_int_equal(fl_roman_at(t, strlen(t), 0, &v, &plus), 0);
    t = "Ⅱ";
    assert_int_equal(fl_roman_at(t, strlen(t), 0, &v, &plus), strlen(t));
    assert_int_equal(v, 2);
}

/* Classes and their roles in a normalised sentence. */
static int role_of(const char *text, const char *at, fl_medium m, int *value, char *sub)
{
    fl_arena a;
    fl_arena_init(&a);
    fl_norm n;
    fl_norm_text(&n, &a, text, strlen(text));
    const char *p = strstr(n.text, at);
    assert_non_null(p);
    fl_class_tok c;
    size_t k = fl_class_at(n.text, n.len, (size_t)(p - n.text), m, &c);
    int role = -1;
    if (k) {
        role = fl_class_role(n.text, 0, n.len, &c, FL_MED_TOPIC);
        *value = c.value;
        *sub = c.sub;
    }
    fl_arena_free(&a);
    return role;
}

static void test_classes(void **state)
{
    (void)state;
    int v = -1;
    char sub = 0;
    assert_int_equal(role_of("项目所在区域为2类声环境功能区", "2类", FL_MED_NOISE, &v, &sub), FL_CLASS_ZONE);
    assert_int_equal(v, 2);
    assert_int_equal(role_of("执行GB12348-2008中3类标准", "3类", FL_MED_NOISE, &v, &sub), FL_CLASS_APPLIED);
    assert_int_equal(role_of("位于GB3096-2008 3类标准地区", "3类", FL_MED_NOISE, &v, &sub), FL_CLASS_ZONE);
    assert_int_equal(role_of("东厂界执行4a类标准", "4a类", FL_MED_NOISE, &v, &sub), FL_CLASS_APPLIED);
    assert_int_equal(v, 4);
    assert_int_equal(sub, 'a');
    assert_int_equal(role_of("声环境功能区为2类，", "2类", FL_MED_NOISE, &v, &sub), FL_CLASS_ZONE);
    assert_int_equal(role_of("环境空气功能区为二类区", "二类", FL_MED_AIR, &v, &sub), FL_CLASS_ZONE);
    assert_int_equal(role_of("执行GB3095-2012二级标准", "二级", FL_MED_AIR, &v, &sub), FL_CLASS_APPLIED);
    assert_int_equal(role_of("大气评价等级为二级", "二级", FL_MED_AIR, &v, &sub), FL_CLASS_UNKNOWN);
    assert_int_equal(role_of("水环境功能区划为Ⅲ类", "Ⅲ类", FL_MED_SURFACE, &v, &sub), FL_CLASS_ZONE);
    assert_int_equal(v, 3);
    assert_int_equal(role_of("执行GB3838-2002 IV类标准", "IV类", FL_MED_SURFACE, &v, &sub), FL_CLASS_APPLIED);
    assert_int_equal(v, 4);
    assert_int_equal(role_of("水质现状为Ⅳ类", "Ⅳ类", FL_MED_SURFACE, &v, &sub), FL_CLASS_UNKNOWN);
    /* not classes: 劣Ⅴ类, 第二类用地, a year's last digit */
    assert_int_equal(role_of("水质为劣Ⅴ类", "Ⅴ类", FL_MED_SURFACE, &v, &sub), -1);
    assert_int_equal(role_of("第二类用地", "二类", FL_MED_AIR, &v, &sub), -1);
    assert_int_equal(role_of("GB3096-20083类", "3类", FL_MED_NOISE, &v, &sub), -1);
}

static void test_media(void **state)
{
    (void)state;
    fl_medium m;
    int role;
    const char *t = "GB 12348-2008";
    assert_true(fl_medium_at(t, strlen(t), 0, &m, &role) > 0);
    assert_int_equal(m, FL_MED_NOISE);
    assert_int_equal(role, FL_MED_STD);
    t = "GB/T14848-2017";
    assert_true(fl_medium_at(t, strlen(t), 0, &m, &role) > 0);
    assert_int_equal(m, FL_MED_GROUND);
    t = "GB12523-2011";
    fl_medium_at(t, strlen(t), 0, &m, &role);
    assert_int_equal(role, FL_MED_BUILD);
    t = "GB16297-1996"; /* an emission standard ends air's reach */
    fl_medium_at(t, strlen(t), 0, &m, &role);
    assert_int_equal(m, FL_MED_OTHER);
    t = "大气污染物综合排放标准";
    assert_int_equal(fl_medium_at(t, strlen(t), 0, &m, &role), strlen("大气污染物"));
    assert_int_equal(m, FL_MED_OTHER);
    t = "地下水环境";
    fl_medium_at(t, strlen(t), 0, &m, &role);
    assert_int_equal(m, FL_MED_GROUND);
    t = "大气评价等级为二级，地表水评价等级为三级";
    const char *at = strstr(t, "地表水评价等级") + strlen("地表水评价");
    assert_int_equal(fl_medium_before(t, 0, (size_t)(at - t), &role), FL_MED_SURFACE);
}

/* ---- the kinds ---------------------------------------------------------------- */

static void check(fixture *f, const char *id, const char *md, const char *as_of, const char *want, int want_line)
{
    kind_expect(f, id, "eia-book", as_of, md, NULL, want, want_line);
}

#define G(body) "## 2.6 评价工作等级\n" body

static void test_grade_air(void **state)
{
    fixture *f = *state;
    check(f, "G001", G("本项目Pmax为12.6%。\n确定本项目大气环境影响评价工作等级为二级。\n"), NULL, "大气环境 二级 一级 Pmax = 12.6%", 3);
    check(f, "G001", G("最大地面浓度占标率为0.8%，大气环境评价等级：二级。\n"), NULL, "", 0);
    check(f, "G001", G("Pmax=9.99%，大气评价等级为二级。\n"), NULL, "", 0);
    check(f, "G001", G("Pmax=10%，大气评价等级为二级。\n"), NULL, "大气环境 二级 一级 Pmax = 10%", 0);
    check(f, "G001", G("Pmax（NO2）为12.6%，大气评价等级为三级。\n"), NULL, "大气环境 三级 一级 Pmax = 12.6%", 0);
    /* the table's largest Pi */
    check(f, "G001", G("| 污染源 | 占标率Pi（%） | D10%（m） |\n| --- | --- | --- |\n| P1 | 0.91 | 0 |\n| P2 | 2.32 | 0 |\n"
                       "大气环境评价等级为三级。\n"), NULL, "大气环境 三级 二级 Pmax = 2.32%", 0);
    /* a summary table states the grade */
    check(f, "G001", G("本项目Pmax为3.1%。\n| 环境要素 | 判定依据 | 评价等级 |\n| --- | --- | --- |\n| 大气环境 | Pmax=3.1% | 三级 |\n"),
          NULL, "大气环境 三级 二级 Pmax = 3.1%", 0);
    /* the old guideline cited in the section: a warning with its own message */
    check(f, "G001", G("按HJ 2.2-2008估算，Pmax为35%，大气评价等级为二级。\n"), "2020-01-01", "old 二级 一级", 0);
}

static void test_grade_air_silent(void **state)
{
    fixture *f = *state;
    /* criteria with comparators, 当…时 */
    check(f, "G001", G("Pmax≥10%时大气评价等级为一级，当1%≤Pmax<10%时大气评价等级为二级。\n"), NULL, "", 0);
    /* two different Pmax */
    check(f, "G001", G("SO2的Pmax为0.5%，NOx的Pmax为12.6%，大气评价等级为二级。\n"), NULL, "", 0);
    /* a Pi above the Pmax stated: a contradiction for another rule */
    check(f, "G001", G("| 污染源 | 占标率（%） |\n| --- | --- |\n| P1 | 15.2 |\nPmax为6.1%，大气评价等级为二级。\n"), NULL, "", 0);
    /* two grades stated */
    check(f, "G001", G("Pmax为12.6%，大气评价等级为一级。\n大气评价等级为二级。\n"), NULL, "", 0);
    /* raised above: never reported */
    check(f, "G001", G("Pmax为0.6%，本项目为化工多源项目，评价等级提高一级，大气环境评价等级为二级。\n"), NULL, "", 0);
    /* lowered: not judged */
    check(f, "G001", G("Pmax为12.6%，本项目为改建项目，全厂排放量降低，大气评价等级降为二级。\n"), NULL, "", 0);
    /* an abnormal-emission figure */
    check(f, "G001", G("非正常排放时Pmax为45%。\n大气评价等级为二级。\n"), NULL, "", 0);
    /* a checkbox form */
    check(f, "G001", G("Pmax为12.6%。\n| 评价等级 | 一级□ 二级■ 三级□ |\n| --- | --- |\n"), NULL, "", 0);
    /* before HJ 2.2-2018 took effect */
    check(f, "G001", G("Pmax为12.6%，大气评价等级为二级。\n"), "2018-06-01", "", 0);
    /* outside the 评价等级 sections: a prediction's 占标率 is no Pmax */
    check(f, "G001", "## 5.1 大气环境影响预测\n最大地面浓度占标率为45.0%。\n## 2.6 评价等级\n大气评价等级为二级。\n", NULL, "", 0);
}

static void test_grade_noise_risk(void **state)
{
    fixture *f = *state;
    check(f, "G001", G("项目所在区域为2类声环境功能区，声环境影响评价工作等级为三级。\n"), NULL, "声环境 三级 二级 2类声环境功能区", 0);
    check(f, "G001", G("项目位于1类声环境功能区，声环境评价等级为二级。\n"), NULL, "", 0);
    check(f, "G001", G("项目位于0类声环境功能区，声环境评价等级为二级。\n"), NULL, "声环境 二级 一级 0类声环境功能区", 0);
    /* the criteria copied: several classes, 规定的, 按二级评价 */
    check(f, "G001", G("建设项目所处的声环境功能区为GB3096规定的1类、2类地区，按二级评价。\n项目位于3类声环境功能区，声环境评价等级为三级。\n"),
          NULL, "", 0);
    /* a target's zone is not the site's */
    check(f, "G001", G("评价范围内敏感目标东山村位于2类声环境功能区，声环境评价等级为三级。\n"), NULL, "", 0);
    /* two zones: not judged */
    check(f, "G001", G("项目位于3类声环境功能区。\n北侧敏感点位于2类声环境功能区。\n声环境评价等级为三级。\n"), NULL, "", 0);
    check(f, "G001", G("本项目环境风险潜势为Ⅲ，环境风险评价工作等级为三级。\n"), NULL, "环境风险 三级 二级 环境风险潜势 Ⅲ", 0);
    check(f, "G001", G("大气环境风险潜势为Ⅳ+，地表水环境风险潜势为Ⅱ。\n环境风险评价工作等级为二级。\n"), NULL,
          "环境风险 二级 一级 环境风险潜势 Ⅳ+", 0);
    check(f, "G001", G("本项目环境风险潜势为Ⅰ，环境风险评价等级为简单分析。\n"), NULL, "", 0);
    /* the HJ 169 mapping copied */
    check(f, "G001", G("风险潜势为Ⅳ及以上，进行一级评价；风险潜势为Ⅲ，进行二级评价。\n本项目环境风险潜势为Ⅱ，环境风险评价等级为三级。\n"),
          NULL, "", 0);
    check(f, "G001", G("环境风险潜势为Ⅳ进行一级评价，Ⅲ进行二级评价，本项目为Ⅱ。环境风险评价等级为三级。\n"), NULL, "", 0);
}

static void test_zone(void **state)
{
    fixture *f = *state;
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n厂界噪声执行GB12348-2008 3类标准。\n", NULL, "声环境 2类 3类", 3);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为环境空气一类区。\n环境空气执行GB3095-2012二级标准。\n", NULL, "大气环境 一类区 二级", 3);
    /* a class with no medium in its sentence belongs to none */
    check(f, "Z001", "## 三、评价标准\n项目所在区域为一类区。\n环境空气执行GB3095-2012二级标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n青溪河水环境功能区划为Ⅲ类。\n地表水执行GB3838-2002 Ⅳ类标准。\n", NULL, "地表水环境 Ⅲ类 Ⅳ类", 3);
    check(f, "Z001", "## 三、评价标准\n项目位于4a类声环境功能区，执行GB3096-2008 4b类标准。\n", NULL, "声环境 4a类 4b类", 0);
    /* the limits written instead of a class */
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n厂界噪声执行GB12348-2008，即昼间65dB(A)、夜间55dB(A)。\n", NULL,
          "声环境 2类 3类（昼间65dB(A)、夜间55dB(A)）", 3);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n厂界噪声执行GB12348-2008，昼间≤60dB(A)，夜间≤50dB(A)。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n厂界噪声执行GB12348-2008 2类标准，即昼间60dB(A)、夜间50dB(A)。\n", NULL, "", 0);
    /* a pair that is no class; predicted levels are not applied limits */
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n厂界噪声执行GB12348-2008，昼间62dB(A)、夜间52dB(A)。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n厂界噪声预测值昼间65dB(A)、夜间55dB(A)，符合GB12348-2008要求。\n", NULL, "", 0);
    /* one river's zone, another river's class: not compared; the same river is */
    check(f, "Z001", "## 三、评价标准\n青溪河水环境功能区划为Ⅲ类。\n尾水排入白马河，白马河执行GB3838-2002 Ⅳ类标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n青溪河水环境功能区划为Ⅲ类。\n青溪河（城区段）执行GB3838-2002 Ⅳ类标准。\n", NULL, "地表水环境 Ⅲ类 Ⅳ类", 3);
    check(f, "Z001", "## 三、评价标准\n项目周边居民区为2类声环境功能区。\n厂界噪声执行GB12348-2008 3类标准。\n", NULL, "", 0);
    /* stricter or equal is fine */
    check(f, "Z001", "## 三、评价标准\n项目所在区域为3类声环境功能区，执行GB3096-2008 2类标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n环境空气功能区为二类区，执行GB3095-2012二级标准。\n", NULL, "", 0);
    /* zones per side; construction; emission standards; quality results; another chapter */
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。东厂界临路执行4a类标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。施工期执行GB12523-2011。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为一类区。废气执行《大气污染物综合排放标准》（GB16297-1996）二级标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n项目所在区域为2类声环境功能区。\n## 四、现状\n监测结果满足3类标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、区划\n项目所在区域为2类声环境功能区。\n## 四、标准\n厂界噪声执行GB12348-2008 3类标准。\n", NULL, "", 0);
    check(f, "Z001", "## 三、评价标准\n地表水青溪河为Ⅲ类水体，执行GB3838-2002 Ⅲ类标准；地下水执行GB/T14848-2017 Ⅳ类标准。\n", NULL, "", 0);
}

/* One paragraph with no sentence end and many classes, grades and
 * potentials: skipped as no one statement, and read in linear time. */
static void test_long(void **state)
{
    fixture *f = *state;
    const char *unit = "项目位于2类声环境功能区，执行GB12348-2008 3类标准，Pmax为12.6%，大气评价等级为二级，环境风险潜势为Ⅳ，";
    char *md = kind_long_paragraph("## 2.6 评价工作等级\n", unit, 20000);
    check(f, "G001", md, NULL, "", 0);
    check(f, "Z001", md, NULL, "", 0);
    free(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grade_words),     cmocka_unit_test(test_roman),           cmocka_unit_test(test_classes),
        cmocka_unit_test(test_media),           cmocka_unit_test(test_grade_air),       cmocka_unit_test(test_grade_air_silent),
        cmocka_unit_test(test_grade_noise_risk), cmocka_unit_test(test_zone),           cmocka_unit_test(test_long),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
