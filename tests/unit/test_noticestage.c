/* Unit tests for model/noticestage.c: the stage of a public-participation
 * notice from its title (第一次公示, 首次环境影响评价信息公开, 征求意见稿公示,
 * 第二次信息公示, 报批前公示, 全本公示, 第三次公示), else from the words of
 * its text; two stages at once, or none, leave it unknown. Shapes of real
 * notices, invented names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "model/load.h"
#include "doc/doc.h"

/* The stage read ("-" for none), the field 公示阶段 ("-" for none). */
static void assert_stage(const char *text, const char *stage, const char *field)
{
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_doc_load_memory(&doc, "a.txt", text, strlen(text), &err)) fail_msg("load: %s", err.message);
    const char *got = doc->notice_stage ? doc->notice_stage : "-";
    const fl_field *f = fl_doc_field(doc, "公示阶段");
    const char *fv = f ? f->value : "-";
    if (strcmp(got, stage) || strcmp(fv, field))
        fail_msg("expected %s/%s, got %s/%s (%s) for:\n%s", stage, field, got, fv,
                 doc->notice_stage_reason ? doc->notice_stage_reason : "no reason", text);
    fl_doc_free(doc);
}

static void test_from_title(void **state)
{
    (void)state;
    assert_stage("甲公司年产2万吨铸件项目环境影响评价第一次公示\n建设单位：甲公司\n环境影响报告书编制单位：乙公司\n",
                 "first", "首次公开");
    assert_stage("甲公司年产2万吨铸件项目首次环境影响评价信息公开\n环境影响报告书正在编制。\n", "first", "首次公开");
    assert_stage("甲公司年产2万吨铸件项目环境影响报告书（征求意见稿）公示\n公示时间：2023年5月4日至5月17日\n", "draft",
                 "征求意见稿公示");
    assert_stage("甲公司年产2万吨铸件项目环境影响评价第二次信息公示\n环境影响报告书征求意见稿已编制完成。\n", "draft",
                 "征求意见稿公示");
    assert_stage("甲公司年产2万吨铸件项目环境影响报告书报批前公示\n现公开拟报批的报告书全文。\n", "final", "报批前公开");
    assert_stage("甲公司年产2万吨铸件项目环境影响报告书全本公示\n报告书全本见附件。\n", "final", "报批前公开");
    /* the title decides even when the text tells of another stage */
    assert_stage("甲公司年产2万吨铸件项目环境影响报告书报批前公示\n征求意见稿公示期间未收到公众意见。\n", "final",
                 "报批前公开");
}

static void test_from_text(void **state)
{
    (void)state;
    assert_stage("甲公司年产2万吨铸件项目环境影响评价信息公示\n甲公司委托乙公司编制环境影响报告书，现进行第一次信息公示。\n",
                 "first", "首次公开");
    assert_stage("甲公司年产2万吨铸件项目环境影响评价公示\n本项目环境影响报告书征求意见稿已编制完成，现予公示。\n", "draft",
                 "征求意见稿公示");
    assert_stage("甲公司年产2万吨铸件项目环境影响评价公示\n环境影响报告书拟报批，现公开报告书全文和公众参与说明。\n", "final",
                 "报批前公开");
}

static void test_unknown(void **state)
{
    (void)state;
    /* words of two stages */
    assert_stage("甲公司年产2万吨铸件项目环境影响评价公示\n首次公示已于3月完成，目前环境影响报告书征求意见稿已编制完成。\n",
                 "-", "-");
    /* nothing that tells */
    assert_stage("甲公司年产2万吨铸件项目环境影响评价公示\n本项目环境影响报告书正在编制，特此公示。\n", "-", "-");
    /* a title naming two stages */
    assert_stage("甲公司年产2万吨铸件项目环境影响评价第一次公示（征求意见稿）\n环境影响报告书正在编制。\n", "-", "-");
    /* a 公众参与说明 is no notice: no stage even though it names them all */
    assert_stage("甲公司年产2万吨铸件项目环境影响评价公众参与说明\n## 2 首次环境影响评价信息公开情况\n## 3 征求意见稿公示情况\n",
                 "-", "-");
    /* a notice about a 报告表 has no type, hence no stage */
    assert_stage("甲公司年产2万吨铸件项目环境影响报告表第二次公示\n", "-", "-");
}

/* A notice publishing the 报告书 and the 说明 together is a notice. */
static void test_book_and_statement(void **state)
{
    (void)state;
    assert_stage("甲公司年产2万吨铸件项目环境影响报告书及公众参与说明报批前公示\n现将报告书全文和公众参与说明予以公开。\n",
                 "final", "报批前公开");
}

/* A 公示阶段 line the notice writes itself is kept, not doubled. */
static void test_own_field(void **state)
{
    (void)state;
    const char *text = "甲公司年产2万吨铸件项目环境影响评价第二次公示\n公示阶段：第二次公示\n环境影响报告书征求意见稿已完成。\n";
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_doc_load_memory(&doc, "a.txt", text, strlen(text), &err)) fail_msg("load: %s", err.message);
    assert_string_equal(doc->notice_stage, "draft");
    size_t n = 0;
    for (size_t i = 0; i < doc->nfields; i++)
        if (!strcmp(doc->fields[i].name, "公示阶段")) n++;
    assert_int_equal(n, 1);
    assert_string_equal(fl_doc_field(doc, "公示阶段")->value, "第二次公示");
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_from_title),
        cmocka_unit_test(test_from_text),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_book_and_statement),
        cmocka_unit_test(test_own_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
