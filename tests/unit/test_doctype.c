/* Unit tests for model/doctype.c: each document type from its cover, spaced
 * titles, title blocks and the title property, and the lines that must not
 * decide: body sentences, 《…》 citations, text beyond the cover region.
 * Notices are written in the shapes real ones have (a 建设单位's 报批前公示
 * and 第二次信息公示 with the five items of the 4号令, a bureau's 受理 /
 * 拟批准 list, a 报告表's 第二次公示), with invented names; the body cases
 * use the part titles of the 2020 报告表 and the chapters of HJ 2.1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "model/finish.h"
#include "model/load.h"
#include "input/input.h"
#include "doc/doc.h"

static char last_reason[1024];

static const char *type_of_text(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_doc_load_memory(&doc, "a.txt", text, strlen(text), &err)) fail_msg("load: %s", err.message);
    const char *t = doc->doc_type; /* a static string */
    snprintf(last_reason, sizeof last_reason, "%s", doc->doc_type_reason ? doc->doc_type_reason : "");
    fl_doc_free(doc);
    return t;
}

/* The type, and the reason says why in these words. */
static void assert_why(const char *text, const char *want, const char *why)
{
    const char *got = type_of_text(text);
    if ((want == NULL) != (got == NULL) || (want && strcmp(got, want)))
        fail_msg("expected %s, got %s for:\n%s", want ? want : "NULL", got ? got : "NULL", text);
    if (!strstr(last_reason, why)) fail_msg("reason \"%s\" lacks \"%s\" for:\n%s", last_reason, why, text);
}

static void assert_type(const char *text, const char *want)
{
    const char *got = type_of_text(text);
    if (!want) {
        if (got) fail_msg("expected no type, got %s for:\n%s", got, text);
        return;
    }
    if (!got || strcmp(got, want)) fail_msg("expected %s, got %s for:\n%s", want, got ? got : "NULL", text);
}

static void test_eia_types(void **state)
{
    (void)state;
    assert_type("建设项目环境影响报告表\n（污染影响类）\n项目名称：甲项目\n", "eia-form");
    assert_type("建 设 项 目 环 境 影 响 报 告 表\n（生态影响类）\n", "eia-form");
    assert_type("甲公司年产500吨涂料项目\n环境影响报告书\n（送审稿）\n", "eia-book");
    assert_type("甲公司年产500吨涂料项目\n环　境　影　响　报　告　书\n", "eia-book");
    assert_type("甲公司年产500吨涂料项目\n环境影响评价公众参与说明\n", "eia-pp");
    assert_type("甲公司年产500吨涂料项目环境影响报告书公众参与说明\n", "eia-pp");
}

static void test_soil_types(void **state)
{
    (void)state;
    assert_type("甲市乙地块土壤污染风险管控项目\n实施方案\n项目单位：甲公司\n", "soil-plan");
    assert_type("甲市农用地土壤污染防治项目\n可行性研究报告\n", "soil-plan");
    assert_type("甲市乙地块土壤污染修复项目总结报告\n", "soil-summary");
    assert_type("甲市乙地块土壤污染风险管控项目公示牌\n", "soil-sign");
    assert_type("甲市乙地块修复工程\n公示牌\n", "soil-sign");
    /* an implementation plan that is not about soil */
    assert_type("甲市污水处理厂提标改造工程\n实施方案\n", NULL);
    /* TR23 project types whose titles do not say 土壤 */
    assert_type("湘潭县受污染耕地安全利用项目实施方案\n", "soil-plan");
    assert_type("甲市乙污染地块风险管控工程\n实施方案\n", "soil-plan");
    assert_type("甲县受污染耕地安全利用项目总结报告\n", "soil-summary");
    assert_type("甲县农用地安全利用项目公示牌\n", "soil-sign");
    /* 土壤 only in an organisation named on a labelled cover line */
    assert_type("甲市污水处理厂提标改造工程\n实施方案\n编制单位：湖南省土壤肥料研究所\n", NULL);
    /* a soil plan whose cover names a report of another kind in 《》 */
    assert_type("甲市乙地块土壤污染风险管控项目实施方案\n依据《乙地块土壤污染状况调查报告》编制\n", "soil-plan");
}

static void test_not_fooled(void **state)
{
    (void)state;
    assert_type("\n", NULL);
    assert_type("甲公司年产500吨涂料项目\n一、项目概况\n", NULL);
    /* a sentence in the cover region */
    assert_type("甲公司涂料项目说明\n本项目已于2020年编制环境影响报告书并取得批复。\n", NULL);
    /* 《》 citation on a short line */
    assert_type("（三）与《甲市总体规划环境影响报告书》审查意见的符合性\n", NULL);
    /* a title-like line deep in the body */
    char buf[8192] = "甲公司年产500吨涂料项目\n";
    for (int i = 0; i < 40; i++) strcat(buf, "正文内容，说明项目情况。\n");
    strcat(buf, "环境影响报告书\n");
    assert_type(buf, NULL);
    /* the first decisive line wins: a 报告表 whose cover cites a 报告书 later */
    assert_type("建设项目环境影响报告表\n原环境影响报告书批复文号：甲环审〔2019〕12号\n", "eia-form");
}

/* A notice about a 报告书 is public participation material. */
static void test_notices_about_a_book(void **state)
{
    (void)state;
    /* a 报批前公示 whose title names no 报告书: its text does */
    assert_why("甲县疾病预防控制中心检验检测用房项目 报批前公示\n"
               "按照《中华人民共和国环境影响评价法》《环境影响评价公众参与办法》的规定，在上报审批前对该项目"
               "环境影响评价全文及其公众参与说明进行网络平台公示。\n"
               "一、《甲县疾病预防控制中心检验检测用房项目环境影响报告书》报批本全文以及查阅纸质报告书的方式和途径\n"
               "二、《甲县疾病预防控制中心检验检测用房项目公众参与说明》\n"
               "甲县卫生健康局 2022年3月30日\n",
               "eia-pp", "notice about a 报告书 (its text says");
    assert_why("甲公司年产2万吨有机肥项目环境影响报告书报批前公示\n根据规定，现将拟报批的报告书全文和公众参与说明予以公开。\n",
               "eia-pp", "notice about a 报告书 (its title says");
    /* the title on three lines */
    assert_type("甲公司年产500吨涂料项目\n环境影响报告书\n报批前公示\n现将报告书全文予以公开。\n", "eia-pp");
    /* 第二次信息公示: the 征求意见稿 of a 报告书 */
    assert_type("乙县河道综合整治工程环境影响评价第二次信息公示\n"
                "根据《环境影响评价公众参与办法》的相关规定，现进行第二次信息公示，征求公众意见。\n"
                "（一）环境影响报告书征求意见稿全文的网络链接及查阅纸质报告书的方式和途径\n"
                "（二）征求意见的公众范围\n（三）公众意见表的网络链接\n（四）公众提出意见的方式和途径\n"
                "（五）公众提出意见的起止时间\n2021年6月11日至2021年6月25日。\n",
                "eia-pp");
    /* its subject only in 《》 */
    assert_type("《丙公司年产3万吨饲料项目环境影响报告书》征求意见稿公示\n现将征求意见稿予以公示。\n", "eia-pp");
    assert_type("关于《丙公司年产3万吨饲料项目环境影响报告书（征求意见稿）》的公示\n", "eia-pp");
    /* boilerplate naming 报告书（表） does not make it about a 报告表 */
    assert_type("丁项目环境影响评价信息公示\n建设单位是建设项目环境影响报告书（表）相关信息公开的主体。"
                "本项目环境影响报告书征求意见稿已编制完成。\n",
                "eia-pp");
    /* a notice that publishes a 公众参与说明 */
    assert_type("戊项目环境影响报告书及公众参与说明公示\n", "eia-pp");
}

/* The report itself, whatever version its cover says. */
static void test_report_versions(void **state)
{
    (void)state;
    assert_type("甲公司年产500吨涂料项目\n环境影响报告书\n（报批稿）\n建设单位：甲公司\n二〇一九年四月\n", "eia-book");
    assert_type("甲公司年产500吨涂料项目环境影响报告书\n（征求意见稿）\n", "eia-book");
    assert_type("甲公司年产500吨涂料项目环境影响报告书\n（公示本）\n", "eia-book");
    assert_type("甲公司年产500吨涂料项目环境影响报告书（信息公开版）\n", "eia-book");
    assert_type("建设项目环境影响报告表\n（公示稿）\n", "eia-form");
    /* a 报告表 whose text talks about 报告书 */
    assert_why("建设项目环境影响报告表\n（污染影响类）\n项目名称：甲项目\n"
               "一、建设项目基本情况\n本项目不属于应当编制环境影响报告书的项目。本报告书之外的要求见批复。\n",
               "eia-form", "title line 1: 建设项目环境影响报告表(污染影响类)");
    /* an abridged 简本 is still a 报告书 */
    assert_why("甲县引水工程环境影响报告书（简本）\n建设单位：甲县引水工程指挥部\n二O一三年十月\n", "eia-book", "简本");
    /* a cover glued into one line by a PDF copy */
    assert_why("建设项目环境影响报告表项目名称： 甲大道延伸段道路工程 建设单位(盖章)： 甲县城市建设投资有限公司 "
               "编制日期： 二 00 九年十月八日 编制单位：甲市环境保护科学研究所\n《建设项目环境影响报告表》编制说明"
               "《建设项目环境影响报告表》由具有从事环境影响评价工作资质的单位编制。\n",
               "eia-form", "title line 1: 建设项目环境影响报告表");
    /* a glued first line that is a sentence names nothing */
    assert_type("根据有关规定，现将甲项目环境影响报告书予以公示，公示期为十个工作日，欢迎公众提出意见和建议，"
                "联系电话：0731-1234567。\n",
                NULL);
}

/* Notices that are no filing the rules know. */
static void test_notices_without_type(void **state)
{
    (void)state;
    /* a bureau's lists */
    assert_why("甲市生态环境局关于建设项目环境影响评价文件受理情况的公示\n"
               "根据建设项目环境影响评价审批程序的有关规定，现将受理的环境影响评价文件予以公示。\n"
               "序号\t项目名称\t建设单位\n1\t甲项目\t甲公司\n",
               NULL, "bureau");
    assert_why("甲市生态环境局2024年3月8日拟对建设项目环评文件作出审批意见的公示\n"
               "经审查，我局拟对以下建设项目环境影响评价文件作出审批意见。\n",
               NULL, "bureau");
    assert_why("关于《乙公司年产1万吨铸件项目环境影响报告书》拟批准的公示\n", NULL, "bureau");
    assert_why("2024年2月22日建设项目环境影响评价文件审批公告\n经审查，我局对以下建设项目环境影响评价文件作出审批决定。\n",
               NULL, "bureau");
    /* a 报告表's 第二次公示: the public participation rules bind 报告书 projects */
    assert_why("甲机械科技有限公司年产400台电动平车建设项目环境影响评价\n公众参与第二次公示\n"
               "一、环境影响报告征求意见稿全文的网络链接及查阅纸质报告的方式和途径\n"
               "《年产400台电动平车建设项目环境影响报告表》（征求意见稿）全文网络链接：见本次公示附件。\n",
               NULL, "about a 报告表");
    assert_why("甲项目环境影响报告表公示\n", NULL, "about a 报告表");
    /* names neither */
    assert_why("甲项目环境影响评价第一次公示\n现就本项目环境影响评价有关信息予以公示。\n", NULL, "neither");
    /* not about an EIA at all */
    assert_why("关于甲路段施工期间交通管制的公告\n", NULL, "not about an EIA");
}

/* Soil reports that are none of the project filings. */
static void test_soil_reports(void **state)
{
    (void)state;
    assert_why("甲市乙地块土壤污染风险管控效果评估报告\n委托单位：甲市丙公司\n2022年6月\n", NULL, "效果评估");
    assert_why("甲市乙地块土壤污染状况调查报告\n", NULL, "调查");
    assert_why("甲市乙地块土壤污染风险评估报告\n", NULL, "风险评估");
    /* the summary report of a project is one */
    assert_type("甲市乙地块土壤污染修复项目总结报告\n", "soil-summary");
    /* a report no rules check */
    assert_why("甲公司年产5万吨饲料项目竣工环境保护验收调查报告\n", NULL, "no kind of filing the rules know");
}

/* No title: the form's own chapters, and what the text calls itself. */
static void test_body_evidence(void **state)
{
    (void)state;
    assert_why("甲公司年产5万吨再生塑料颗粒项目\n一、建设项目基本情况\n建设地点：甲市。\n二、建设项目工程分析\n"
               "三、区域环境质量现状、环境保护目标及评价标准\n四、主要环境影响和保护措施\n六、结论\n",
               "eia-form", "3 part titles of a 报告表");
    assert_why("1 概述\n项目概况。\n2 总则\n3 工程分析\n4 环境现状调查与评价\n5 环境影响预测与评价\n"
               "6 环境保护措施及其可行性论证\n7 环境影响经济损益分析\n",
               "eia-book", "5 chapters of a 报告书");
    assert_why("1 概述\n项目概况。\n2 首次环境影响评价信息公开情况\n3 征求意见稿公示情况\n4 其他公众参与情况\n"
               "5 公众意见处理情况\n6 报批前公开情况\n",
               "eia-pp", "4 chapters of a 公众参与说明");
    /* a near miss tipped by what the text calls itself */
    assert_why("一、建设项目基本情况\n本报告表依据有关规定编制。\n二、建设项目工程分析\n四、主要环境影响和保护措施\n",
               "eia-form", "calls itself 本报告表");
    /* weak: say what was seen */
    assert_why("一、建设项目基本情况\n建设地点：甲市。\n四、主要环境影响和保护措施\n", NULL,
               "2 part titles of a 报告表");
    assert_why("一、建设项目基本情况\n本报告书依据有关规定编制。\n四、主要环境影响和保护措施\n", NULL,
               "too little in the body");
    /* conflicting */
    assert_why("一、建设项目基本情况\n三、区域环境质量现状、环境保护目标及评价标准\n四、主要环境影响和保护措施\n"
               "第二章 总则\n第四章 环境现状调查与评价\n第五章 环境影响预测与评价\n第六章 环境管理与监测计划\n",
               NULL, "the body points more than one way");
    /* a 公众参与 chapter inside a book does not make it a 公众参与说明 */
    assert_type("1 概述\n2 总则\n4 环境现状调查与评价\n5 环境影响预测与评价\n8 环境管理与监测计划\n"
                "9 公众参与\n9.1 首次环境影响评价信息公开情况\n9.2 征求意见稿公示情况\n",
                "eia-book");
    assert_why("## 会议纪要\n会议讨论了项目进度安排。\n", NULL, "no title line names a known kind of filing");
}

static void test_title_block_and_property(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    for (int i = 0; i < 40; i++) fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, "正文。", strlen("正文。"));
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, "甲项目环境影响报告书", strlen("甲项目环境影响报告书"));
    b->flags |= FL_BF_TITLE;
    fl_doc_finish(doc);
    assert_string_equal(doc->doc_type, "eia-book");
    fl_doc_free(doc);

    doc = fl_doc_new("x.docx");
    fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, "正文。", strlen("正文。"));
    fl_doc_set_prop(doc, "title", "甲地块土壤污染风险管控项目实施方案");
    fl_doc_finish(doc);
    assert_string_equal(doc->doc_type, "soil-plan");
    fl_doc_free(doc);

    /* headers do not count */
    doc = fl_doc_new("x.docx");
    fl_doc_add_block(doc, FL_PART_HEADER, FL_BLOCK_PARAGRAPH, "环境影响报告表", strlen("环境影响报告表"));
    fl_doc_finish(doc);
    assert_null(doc->doc_type);
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eia_types),
        cmocka_unit_test(test_soil_types),
        cmocka_unit_test(test_not_fooled),
        cmocka_unit_test(test_title_block_and_property),
        cmocka_unit_test(test_notices_about_a_book),
        cmocka_unit_test(test_report_versions),
        cmocka_unit_test(test_notices_without_type),
        cmocka_unit_test(test_soil_reports),
        cmocka_unit_test(test_body_evidence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
