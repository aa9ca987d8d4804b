/* Unit tests for model/fields.c: 2- and 4-column label/value tables built
 * block by block, checkbox rows, cover paragraphs, label normalisation,
 * aliases, occurrences, data-table headers and the groups of the
 * 编制单位和编制人员情况表. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"
#include "model/doc.h"

static void cell(fl_doc *doc, int table, int row, int col, const char *text)
{
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, text, strlen(text));
    b->table = table;
    b->row = row;
    b->col = col;
}

static void para(fl_doc *doc, const char *text)
{
    fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, text, strlen(text));
}

static const char *value(const fl_doc *doc, const char *name)
{
    const fl_field *f = fl_doc_field(doc, name);
    return f ? f->value : NULL;
}

static int line(const fl_doc *doc, const char *name)
{
    const fl_field *f = fl_doc_field(doc, name);
    return f ? doc->blocks[f->block].line : -1;
}

static size_t count(const fl_doc *doc, const char *name)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nfields; i++) n += !strcmp(doc->fields[i].name, name);
    return n;
}

static void test_two_column_table(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "建设项目名称");
    cell(doc, t, 1, 2, "甲市乙公司年产500吨涂料项目");
    cell(doc, t, 2, 1, "建 设 单 位（盖章）：");
    cell(doc, t, 2, 2, "  乙公司  ");
    cell(doc, t, 3, 1, "项目审批（核准/备案）部门（选填）");
    cell(doc, t, 3, 2, "甲市发展和改革委员会");
    cell(doc, t, 4, 1, "用地（用海）面积（m2）");
    cell(doc, t, 4, 2, "");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "建设项目名称"), "甲市乙公司年产500吨涂料项目");
    assert_int_equal(line(doc, "建设项目名称"), 2);
    assert_string_equal(value(doc, "建设单位"), "乙公司");
    assert_int_equal(line(doc, "建设单位"), 4);
    assert_string_equal(value(doc, "项目审批(核准/备案)部门"), "甲市发展和改革委员会");
    assert_string_equal(value(doc, "用地(用海)面积(m2)"), "");
    /* alias: 建设项目名称 also as 项目名称, after the fields of the filing */
    assert_string_equal(value(doc, "项目名称"), "甲市乙公司年产500吨涂料项目");
    assert_int_equal(doc->nfields, 5);
    assert_string_equal(doc->fields[4].name, "项目名称");
    fl_doc_free(doc);
}

static void test_four_and_six_column_rows(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "建设单位联系人");
    cell(doc, t, 1, 2, "王立军");
    cell(doc, t, 1, 3, "联系方式");
    cell(doc, t, 1, 4, "13905371234");
    cell(doc, t, 2, 1, "总投资（万元）");
    cell(doc, t, 2, 2, "540");
    cell(doc, t, 2, 3, "环保投资（万元）");
    cell(doc, t, 2, 4, "6");
    cell(doc, t, 2, 5, "环保投资占比（%）");
    cell(doc, t, 2, 6, "1.11");
    /* a cell with two paragraphs */
    cell(doc, t, 3, 1, "建设地点");
    cell(doc, t, 3, 2, "山东省济宁市");
    cell(doc, t, 3, 2, "任城区纬五路6号");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "建设单位联系人"), "王立军");
    assert_string_equal(value(doc, "联系方式"), "13905371234");
    assert_int_equal(line(doc, "联系方式"), 4);
    assert_string_equal(value(doc, "总投资(万元)"), "540");
    assert_string_equal(value(doc, "环保投资(万元)"), "6");
    assert_string_equal(value(doc, "环保投资占比(%)"), "1.11");
    assert_string_equal(value(doc, "建设地点"), "山东省济宁市\n任城区纬五路6号");
    assert_int_equal(line(doc, "建设地点"), 12);
    assert_int_equal(doc->nfields, 6);
    fl_doc_free(doc);
}

static void test_checkbox_values(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "是否开工建设");
    cell(doc, t, 1, 2, "☑否 □是：______");
    cell(doc, t, 2, 1, "建设性质");
    cell(doc, t, 2, 2, "□新建（迁建） ☑改建 □扩建 □技术改造");
    cell(doc, t, 3, 1, "建设项目申报情形");
    cell(doc, t, 3, 2, "☐首次申报项目 ☐不予批准后再次申报项目 ☐超五年重新审核项目 ☐重大变动重新报批项目");
    cell(doc, t, 4, 1, "项目类型");
    cell(doc, t, 4, 2, "■风险管控 □修复 √土壤污染状况调查");
    cell(doc, t, 5, 1, "是否涉及地下水");
    cell(doc, t, 5, 2, "是☒ 否☐");
    cell(doc, t, 6, 1, "排放去向");
    cell(doc, t, 6, 2, "口直排 ✔间接排放");
    cell(doc, t, 7, 1, "排放口位置");
    cell(doc, t, 7, 2, "厂区出口处");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "是否开工建设"), "否");
    assert_string_equal(value(doc, "建设性质"), "改建");
    assert_string_equal(value(doc, "建设项目申报情形"), ""); /* none ticked, kept */
    assert_non_null(fl_doc_field(doc, "建设项目申报情形"));
    assert_string_equal(value(doc, "项目类型"), "风险管控、土壤污染状况调查");
    assert_string_equal(value(doc, "是否涉及地下水"), "是");
    assert_string_equal(value(doc, "排放去向"), "间接排放");
    assert_string_equal(value(doc, "排放口位置"), "厂区出口处"); /* 口 inside a word is no box */
    fl_doc_free(doc);
}

static void test_cover_paragraphs(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    para(doc, "建设项目环境影响报告表");
    para(doc, "项目名称：甲市乙公司年产500吨涂料项目");
    para(doc, "建设单位（盖章）：乙公司");
    para(doc, "编制日期:2024年5月");
    para(doc, "建设单位联系人：王立军　　联系方式：13905371234");
    para(doc, "法定代表人（签字）：");
    para(doc, "主要建设内容如下：");
    para(doc, "本项目位于甲市，根据调查，项目所在地：工业园区。");
    para(doc, "（1）项目代码：2403-370811-04-01-512345");
    para(doc, "监测时间 10:30");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目名称"), "甲市乙公司年产500吨涂料项目");
    assert_int_equal(line(doc, "项目名称"), 2);
    assert_string_equal(value(doc, "建设单位"), "乙公司");
    assert_string_equal(value(doc, "编制日期"), "2024年5月");
    assert_string_equal(value(doc, "建设单位联系人"), "王立军");
    assert_string_equal(value(doc, "联系方式"), "13905371234");
    assert_int_equal(line(doc, "联系方式"), 5);
    assert_string_equal(value(doc, "法定代表人"), "");
    assert_null(fl_doc_field(doc, "主要建设内容如下"));
    assert_string_equal(value(doc, "项目代码"), "2403-370811-04-01-512345");
    assert_int_equal(doc->nfields, 7);
    fl_doc_free(doc);
}

/* Cover and table both give the name: the first wins, both are kept, and
 * no 项目名称 alias is added when the filing has one. */
static void test_occurrences_and_alias(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    para(doc, "项目名称：甲项目");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "建设项目名称");
    cell(doc, t, 1, 2, "乙项目");
    cell(doc, t, 2, 1, "项目名称");
    cell(doc, t, 2, 2, "丙项目");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目名称"), "甲项目");
    assert_int_equal(count(doc, "项目名称"), 2);
    assert_string_equal(value(doc, "建设项目名称"), "乙项目");
    assert_int_equal(doc->nfields, 3);
    fl_doc_free(doc);
}

/* A data table: its header row and rows give no fields. */
static void test_grid_table(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    const char *rows[3][4] = {
        {"序号", "设备名称", "数量", "备注"},
        {"1", "切割机", "2台", "新增"},
        {"2", "磨边机", "4台", "新增"},
    };
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++) cell(doc, t, r + 1, c + 1, rows[r][c]);
    t = fl_doc_new_table(doc);
    const char *people[2][5] = {
        {"职责", "单位", "负责人", "联系电话", "签字"},
        {"项目单位", "乙公司", "周志强", "0731-88123456", ""},
    };
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 5; c++) cell(doc, t, r + 1, c + 1, people[r][c]);
    fl_doc_finish(doc);
    assert_int_equal(doc->nfields, 0);
    fl_doc_free(doc);
}

/* 编制单位和编制人员情况表: whose 单位名称 each row gives. */
static void test_staff_table_groups(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "一、建设单位情况");
    cell(doc, t, 2, 1, "单位名称（盖章）");
    cell(doc, t, 2, 2, "乙公司");
    cell(doc, t, 3, 1, "统一社会信用代码");
    cell(doc, t, 3, 2, "91370811MA3R8KQ279");
    cell(doc, t, 4, 1, "二、编制单位情况");
    cell(doc, t, 5, 1, "单位名称（盖章）");
    cell(doc, t, 5, 2, "丁环境科技有限公司");
    cell(doc, t, 6, 1, "统一社会信用代码");
    cell(doc, t, 6, 2, "91370102MA3C5PQ1XB");
    cell(doc, t, 7, 1, "三、编制人员情况");
    cell(doc, t, 8, 1, "姓名");
    cell(doc, t, 8, 2, "职业资格证书管理号");
    cell(doc, t, 8, 3, "信用编号");
    cell(doc, t, 8, 4, "签字");
    cell(doc, t, 9, 1, "李明");
    cell(doc, t, 9, 2, "2015035370350000003511370432");
    cell(doc, t, 9, 3, "BH021456");
    cell(doc, t, 9, 4, "");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "建设单位"), "乙公司");
    assert_string_equal(value(doc, "编制单位"), "丁环境科技有限公司");
    assert_string_equal(value(doc, "建设单位统一社会信用代码"), "91370811MA3R8KQ279");
    assert_string_equal(value(doc, "编制单位统一社会信用代码"), "91370102MA3C5PQ1XB");
    assert_int_equal(count(doc, "单位名称"), 2);
    assert_null(fl_doc_field(doc, "姓名"));
    assert_null(fl_doc_field(doc, "李明"));
    assert_int_equal(doc->nfields, 8);
    fl_doc_free(doc);
}

/* Left column spanning rows: 一、建设单位情况 | 单位名称 | 乙公司. */
static void test_group_column(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "建设单位情况");
    cell(doc, t, 1, 2, "单位名称（盖章）");
    cell(doc, t, 1, 3, "乙公司");
    cell(doc, t, 2, 1, "");
    cell(doc, t, 2, 2, "法定代表人（签章）");
    cell(doc, t, 2, 3, "王立军");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "单位名称"), "乙公司");
    assert_string_equal(value(doc, "建设单位"), "乙公司");
    assert_string_equal(value(doc, "法定代表人"), "王立军");
    assert_string_equal(value(doc, "建设单位法定代表人"), "王立军");
    assert_null(fl_doc_field(doc, "建设单位情况"));
    fl_doc_free(doc);
}

/* Markdown pipe tables go through the same extraction. */
static void test_markdown_table_fields(void **state)
{
    (void)state;
    static const char md[] = "| 项目单位 | 乙公司 | 联系电话 | 0731-28561234 |\n"
                             "|---|---|---|---|\n"
                             "| 项目类型 | □修复 ☑风险管控 | 项目周期 | 3年 |\n";
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_input_load_memory(&doc, "a.md", md, sizeof md - 1, &err), 0);
    assert_string_equal(value(doc, "项目单位"), "乙公司");
    assert_string_equal(value(doc, "联系电话"), "0731-28561234");
    assert_string_equal(value(doc, "项目类型"), "风险管控");
    assert_int_equal(line(doc, "项目类型"), 3);
    assert_string_equal(value(doc, "项目周期"), "3年");
    fl_doc_free(doc);
    /* a two-column data table: its header row says so */
    static const char grid[] = "| 项目内容 | 项目目标 |\n"
                               "|---|---|\n"
                               "| 修复污染土壤约4.6万立方米 | 土壤镉含量低于目标值 |\n";
    assert_int_equal(fl_input_load_memory(&doc, "b.md", grid, sizeof grid - 1, &err), 0);
    assert_int_equal(doc->nfields, 0);
    fl_doc_free(doc);
}

/* A 报告表 puts a whole section into one cell: 20,000 paragraphs joined in
 * linear time, the label still found. */
static void test_big_cell(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "建设内容");
    static const char para_text[] = "本项目新建生产车间一座，建筑面积约三千平方米，主要布置切割、磨边、清洗和钢化生产线。";
    for (int i = 0; i < 20000; i++) cell(doc, t, 1, 2, para_text);
    fl_doc_finish(doc);
    const fl_field *f = fl_doc_field(doc, "建设内容");
    assert_non_null(f);
    assert_int_equal(strlen(f->value), 20000 * (sizeof para_text - 1) + 19999);
    assert_int_equal(doc->blocks[f->block].line, 2);
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_column_table),
        cmocka_unit_test(test_four_and_six_column_rows),
        cmocka_unit_test(test_checkbox_values),
        cmocka_unit_test(test_cover_paragraphs),
        cmocka_unit_test(test_occurrences_and_alias),
        cmocka_unit_test(test_grid_table),
        cmocka_unit_test(test_staff_table_groups),
        cmocka_unit_test(test_group_column),
        cmocka_unit_test(test_markdown_table_fields),
        cmocka_unit_test(test_big_cell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
