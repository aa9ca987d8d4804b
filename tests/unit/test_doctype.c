/* Unit tests for model/doctype.c: each document type from its cover, spaced
 * titles, title blocks and the title property, and the lines that must not
 * decide: body sentences, 《…》 citations, text beyond the cover region. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"
#include "model/doc.h"

static const char *type_of_text(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_input_load_memory(&doc, "a.txt", text, strlen(text), &err)) fail_msg("load: %s", err.message);
    const char *t = doc->doc_type; /* a static string */
    fl_doc_free(doc);
    return t;
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
