/* Unit tests for the field readers (model/fields*.c): 2-, 4- and 6-column
 * label/value tables built block by block, caption rows, group cells, a
 * label row over a value row, 其中 sub-items, checkbox rows, data grids that
 * must give nothing, cover lines with the value on the next line, spaced and
 * OCR-broken labels, tab rows, where a value ends, colons that are not
 * labels, role facts in prose, aliases, occurrences and the groups of the
 * 编制单位和编制人员情况表. The shapes follow real 报告表 (1999 and 2021
 * layouts) and soil project plans; names and codes are invented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/finish.h"
#include "model/load.h"
#include "input/input.h"
#include "doc/doc.h"

static void cell(fl_doc *doc, int table, int row, int col, const char *text)
{
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, text, strlen(text));
    b->table = table;
    fl_block_xw(doc, b)->row = row;
    fl_block_xw(doc, b)->col = col;
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

/* One table row from a NULL-terminated list of cell texts, columns 1..n. */
static void row(fl_doc *doc, int table, int r, unsigned flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int col = 1;
    for (const char *text; (text = va_arg(ap, const char *)) != NULL; col++) {
        cell(doc, table, r, col, text);
        doc->blocks[doc->nblocks - 1].flags |= flags;
    }
    va_end(ap);
}

static fl_doc *load(const char *name, const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, name, text, strlen(text), &err), 0);
    return doc;
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

/* A paragraph OCR read from a scanned page (a PDF read with --ocr). */
static void ocr_para(fl_doc *doc, const char *text, int conf)
{
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, text, strlen(text));
    fl_block_set_ocr(doc, b, conf);
}

/* Checkbox rows of a scanned 报告表 as Tesseract reads them: the ticked box
 * as 0, 回 or 团, the empty ones as 口 or 〇, run together with the options.
 * Read so only on OCR'd blocks: the same text typed keeps today's reading,
 * and rows that only look like marks (口岸区域) are no checkbox. */
static void test_ocr_checkbox_rows(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("scan.pdf");
    ocr_para(doc, "是否开工建设：0否口是", 88);
    ocr_para(doc, "建设性质：口新建（迁建） 回改建 口扩建 口技术改造", 90);
    ocr_para(doc, "建设项目申报情形：团首次申报项目 〇不予批准后再次申报项目", 85);
    ocr_para(doc, "建设地点：口岸区域", 90);          /* words, not marks */
    ocr_para(doc, "排放口位置：厂区出口处", 90);      /* 口 in words */
    ocr_para(doc, "专项评价设置情况：☑无 □有", 91);   /* typed marks read right */
    ocr_para(doc, "环境风险：口有 口无", 90);         /* nothing ticked: no guess */
    fl_doc_finish(doc);
    assert_int_equal(fl_block_ocr(doc, &doc->blocks[0]), 88);
    assert_string_equal(value(doc, "是否开工建设"), "否");
    assert_string_equal(value(doc, "建设性质"), "改建");
    assert_string_equal(value(doc, "建设项目申报情形"), "首次申报项目");
    assert_string_equal(value(doc, "建设地点"), "口岸区域");
    assert_string_equal(value(doc, "排放口位置"), "厂区出口处");
    assert_string_equal(value(doc, "专项评价设置情况"), "无");
    assert_string_equal(value(doc, "环境风险"), "");
    fl_doc_free(doc);

    /* the same rows typed (a text layer, a DOCX): read as before */
    doc = fl_doc_new("typed.pdf");
    para(doc, "是否开工建设：0否口是");
    para(doc, "建设项目申报情形：团首次申报项目 〇不予批准后再次申报项目");
    fl_doc_finish(doc);
    assert_int_equal(fl_block_ocr(doc, &doc->blocks[0]), -1);
    assert_string_equal(value(doc, "是否开工建设"), "0否口是");
    assert_string_equal(value(doc, "建设项目申报情形"), "团首次申报项目 〇不予批准后再次申报项目");
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

/* 2021 报告表 建设项目基本情况 with a caption row on top, marked as a header
 * row (one producer) or not (another): the caption gives nothing and does
 * not turn the form into a data grid. */
static void test_caption_row_form(void **state)
{
    (void)state;
    for (int marked = 0; marked < 2; marked++) {
        fl_doc *doc = fl_doc_new("x.docx");
        int t = fl_doc_new_table(doc);
        row(doc, t, 1, marked ? FL_BF_HEADER_ROW : 0, "项目", "内容", NULL);
        row(doc, t, 2, 0, "建设项目名称", "临沂华拓医药科技有限公司医药原料药生产项目", NULL);
        row(doc, t, 3, 0, "项目代码", "2406-371302-04-01-338127", NULL);
        row(doc, t, 4, 0, "建设单位联系人", "刘志远", "联系方式", "0539-8123456", NULL);
        row(doc, t, 5, 0, "建设地点", "山东省临沂市兰山区义堂镇化工路8号", NULL);
        row(doc, t, 6, 0, "建设性质", "☑新建（迁建） □改建 □扩建 □技术改造", "建设项目申报情形", "☑首次申报项目 □不予批准后再次申报项目", NULL);
        row(doc, t, 7, 0, "是否开工建设", "☑否\n□是：", "用地（用海）面积（m2）", "8000", NULL);
        row(doc, t, 8, 0, "统一社会信用代码", "91371302MA94XK2L3B", NULL);
        fl_doc_finish(doc);
        assert_null(fl_doc_field(doc, "项目"));
        assert_string_equal(value(doc, "项目代码"), "2406-371302-04-01-338127");
        assert_string_equal(value(doc, "建设单位联系人"), "刘志远");
        assert_string_equal(value(doc, "联系方式"), "0539-8123456");
        assert_string_equal(value(doc, "建设地点"), "山东省临沂市兰山区义堂镇化工路8号");
        assert_string_equal(value(doc, "建设性质"), "新建（迁建）");
        assert_string_equal(value(doc, "是否开工建设"), "否");
        assert_string_equal(value(doc, "统一社会信用代码"), "91371302MA94XK2L3B");
        assert_string_equal(value(doc, "项目名称"), "临沂华拓医药科技有限公司医药原料药生产项目");
        assert_int_equal(doc->nfields, 11);
        fl_doc_free(doc);
    }
    /* the same with 名称 | 内容 in a Markdown pipe table (always a header row) */
    fl_doc *doc = load("a.md", "| 名称 | 内容 |\n|---|---|\n| 项目名称 | 乙项目 |\n| 建设单位 | 乙公司 |\n"
                               "| 是否开工建设 | ☑否 □是 |\n| 施工工期 | 6个月 |\n");
    assert_null(fl_doc_field(doc, "名称"));
    assert_string_equal(value(doc, "建设单位"), "乙公司");
    assert_string_equal(value(doc, "是否开工建设"), "否");
    assert_int_equal(doc->nfields, 4);
    fl_doc_free(doc);
}

/* The 1999-style table: six cells a row, a 其中 sub-item, empty values, a
 * row of labels with their values in the row below. */
static void test_old_form_rows(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目名称", "建昌县城区污水管网改造工程", NULL);
    row(doc, t, 2, 0, "建设单位", "建昌县城市建设服务中心", NULL);
    row(doc, t, 3, 0, "法人代表", "联系人", NULL);
    row(doc, t, 4, 0, "赵国庆", "孙丽", NULL);
    row(doc, t, 5, 0, "联系电话", "0429-7123456", "传真", "", "邮政编码", "125300", NULL);
    row(doc, t, 6, 0, "建设性质", "新建√ 改扩建□ 技改□", "行业类别及代码", "D4620 污水处理及其再生利用", NULL);
    row(doc, t, 7, 0, "总投资（万元）", "3321.4", "其中：环保投资（万元）", "168", "环保投资占总投资比例", "5.06%", NULL);
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "法人代表"), "赵国庆");
    assert_string_equal(value(doc, "联系人"), "孙丽");
    assert_int_equal(line(doc, "联系人"), 8);
    assert_string_equal(value(doc, "联系电话"), "0429-7123456");
    assert_string_equal(value(doc, "传真"), "");
    assert_string_equal(value(doc, "邮政编码"), "125300");
    assert_string_equal(value(doc, "建设性质"), "新建");
    assert_string_equal(value(doc, "总投资(万元)"), "3321.4");
    assert_string_equal(value(doc, "环保投资(万元)"), "168");
    assert_string_equal(value(doc, "环保投资占总投资比例"), "5.06%");
    assert_null(fl_doc_field(doc, "其中"));
    assert_int_equal(doc->nfields, 12);
    fl_doc_free(doc);
}

/* A row of labels followed by values is a field only inside a form: alone,
 * or over several rows, it is a list (现有项目 with their 建设地点). */
static void test_label_row_needs_a_form(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目名称", "建设单位", "建设地点", NULL);
    row(doc, t, 2, 0, "一期年产2000吨原料药项目", "临沂华拓医药科技有限公司", "兰山区义堂镇", NULL);
    t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目代码", "2406-371302-04-01-338127", NULL);
    row(doc, t, 2, 0, "总投资（万元）", "环保投资（万元）", NULL);
    row(doc, t, 3, 0, "3000", "85", NULL);
    row(doc, t, 4, 0, "1200", "40", NULL);
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目代码"), "2406-371302-04-01-338127");
    assert_int_equal(doc->nfields, 1);
    fl_doc_free(doc);
}

/* 编制单位和编制人员情况表 with the unit in a left column spanning rows (the
 * continuation cells of a vertical merge are not emitted). */
static void test_group_cell_left(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目编号", "5m8q2x", NULL);
    row(doc, t, 2, 0, "建设单位", "单位名称（盖章）", "临沂华拓医药科技有限公司", NULL);
    cell(doc, t, 3, 2, "统一社会信用代码");
    cell(doc, t, 3, 3, "91371302MA94XK2L3B");
    row(doc, t, 4, 0, "编制单位", "单位名称（盖章）", "山东青禾环保科技有限公司", NULL);
    cell(doc, t, 5, 2, "统一社会信用代码");
    cell(doc, t, 5, 3, "91370102MA3PQ4R81Y");
    row(doc, t, 6, 0, "编制人员", "姓名", "职业资格证书管理号", "信用编号", "签字", NULL);
    row(doc, t, 7, 0, "", "马文静", "2017035370352017370100000412", "BH031872", "", NULL);
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "建设单位"), "临沂华拓医药科技有限公司");
    assert_string_equal(value(doc, "编制单位"), "山东青禾环保科技有限公司");
    assert_string_equal(value(doc, "建设单位统一社会信用代码"), "91371302MA94XK2L3B");
    assert_string_equal(value(doc, "编制单位统一社会信用代码"), "91370102MA3PQ4R81Y");
    assert_null(fl_doc_field(doc, "姓名"));
    assert_null(fl_doc_field(doc, "马文静"));
    assert_int_equal(doc->nfields, 9);
    fl_doc_free(doc);
}

/* Data grids whose cells include known labels still give nothing: a header
 * with a known label in it, a comparison table whose rows start with known
 * labels, a 职责 table naming the 项目单位, two-column column titles, a
 * 保护目标 table with a merged first column. A row that alternates known
 * labels and values pairs even inside a grid. */
static void test_grids_with_known_labels(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "序号", "名称", "占地面积", "备注", NULL);
    row(doc, t, 2, 0, "1", "生产车间", "1200m2", "新建", NULL);
    t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目", "环评阶段", "实际建设", "变化情况", NULL);
    row(doc, t, 2, 0, "建设地点", "兰山区义堂镇", "兰山区义堂镇", "无变化", NULL);
    row(doc, t, 3, 0, "总投资", "3000万元", "3200万元", "增加200万元", NULL);
    t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "职责", "单位", "负责人", "联系电话", NULL);
    row(doc, t, 2, 0, "项目单位", "建昌县城市建设服务中心", "周志强", "0429-7654321", NULL);
    t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "阶段", "时间", NULL);
    row(doc, t, 2, 0, "招标及施工准备", "2024年1月—2024年3月", NULL);
    row(doc, t, 3, 0, "效果评估", "2025年11月—2026年6月", NULL);
    t = fl_doc_new_table(doc);
    row(doc, t, 1, FL_BF_HEADER_ROW, "环境要素", "保护目标", "方位", "距离（m）", "规模", NULL);
    row(doc, t, 2, 0, "大气环境", "后湖村", "NE", "320", "约450人", NULL);
    cell(doc, t, 3, 2, "义堂镇中心小学");
    cell(doc, t, 3, 3, "S");
    cell(doc, t, 3, 4, "410");
    cell(doc, t, 3, 5, "师生约900人");
    row(doc, t, 4, 0, "建设单位联系人", "刘志远", "联系方式", "0539-8123456", "", NULL);
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "建设单位联系人"), "刘志远");
    assert_string_equal(value(doc, "联系方式"), "0539-8123456");
    assert_int_equal(doc->nfields, 2);
    fl_doc_free(doc);
}

/* A cover whose values are on the line under their labels; the label may
 * be spaced out for alignment. The next line must fit: not a label, not a
 * heading or a numbered item, not the issuer line, a date for a date. */
static void test_value_on_next_line(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt", "建设项目环境影响报告表\n（污染影响类）\n\n项　目　名　称：\n医药原料药生产项目\n\n"
                                "建设单位（盖章）：\n临沂华拓医药科技有限公司\n编制日期：\n中华人民共和国生态环境部制\n");
    assert_string_equal(value(doc, "项目名称"), "医药原料药生产项目");
    assert_int_equal(line(doc, "项目名称"), 5);
    assert_string_equal(value(doc, "建设单位"), "临沂华拓医药科技有限公司");
    assert_string_equal(value(doc, "编制日期"), "");
    assert_int_equal(doc->nfields, 3);
    fl_doc_free(doc);
    /* a PDF column copy: labels first, values after them */
    doc = load("b.txt", "项目名称：\n建设单位：\n编制日期：\n医药原料药生产项目\n临沂华拓医药科技有限公司\n2024年6月\n");
    assert_string_equal(value(doc, "项目名称"), "");
    assert_string_equal(value(doc, "建设单位"), "");
    assert_string_equal(value(doc, "编制日期"), "");
    assert_int_equal(doc->nfields, 3);
    fl_doc_free(doc);
    /* the 基本情况 typed as lines: a numbered item, a heading and a label
     * line are not values; in another part a lone label introduces a list
     * and is no field at all */
    doc = load("c.md", "# 一、建设项目基本情况\n\n其他符合性分析：\n1、产业政策符合性分析\n\n项目代码：\n2406-371302-04-01-338127\n\n"
                       "建设地点：\n## （一）建设内容\n# 二、建设项目工程分析\n\n建设单位：\n临沂华拓医药科技有限公司\n\n"
                       "建设单位（盖章）：\n");
    assert_string_equal(value(doc, "其他符合性分析"), "");
    assert_string_equal(value(doc, "项目代码"), "2406-371302-04-01-338127");
    assert_string_equal(value(doc, "建设地点"), "");
    /* a seal or signature slot is a form's label wherever it stands */
    assert_string_equal(value(doc, "建设单位"), "");
    assert_int_equal(line(doc, "建设单位"), 16);
    assert_int_equal(doc->nfields, 4);
    fl_doc_free(doc);
    /* inside one cell: the label paragraph, then the value paragraph */
    doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    cell(doc, t, 1, 1, "项目名称：");
    cell(doc, t, 1, 1, "医药原料药生产项目");
    cell(doc, t, 1, 2, "编制日期：");
    cell(doc, t, 1, 2, "2024年6月");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目名称"), "医药原料药生产项目");
    assert_string_equal(value(doc, "编制日期"), "2024年6月");
    fl_doc_free(doc);
}

/* Text copied out of a PDF or OCR'd: a space between every character, a
 * label broken by a stray space. Values end at the next label. */
static void test_spaced_text(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    para(doc, "项 目 名 称 ： 医 药 原 料 药 生 产 项 目 建 设 单 位 （ 盖 章 ） ： 临 沂 华 拓 医 药 科 技 有 限 公 司");
    para(doc, "建设项目名 称：医药原料药生产项目");
    para(doc, "编 制 日 期 ： 2024 年 6 月");
    para(doc, "本 项 目 位 于 临 沂 市 兰 山 区 ， 厂 区 周 边 以 工 业 企 业 为 主 ， 最 近 的 居 民 点 为 后 湖 村 。");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "是否开工建 设", "☑否 □是", NULL);
    row(doc, t, 2, 0, "建 设 地 点", "山 东 省 临 沂 市 兰 山 区 义 堂 镇", NULL);
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目名称"), "医药原料药生产项目");
    assert_string_equal(value(doc, "建设单位"), "临沂华拓医药科技有限公司");
    assert_string_equal(value(doc, "建设项目名称"), "医药原料药生产项目");
    assert_string_equal(value(doc, "编制日期"), "2024 年 6 月");
    assert_string_equal(value(doc, "是否开工建设"), "否");
    assert_string_equal(value(doc, "建设地点"), "山东省临沂市兰山区义堂镇");
    assert_int_equal(doc->nfields, 6);
    fl_doc_free(doc);
}

/* Where a value ends on one line: at a known label run on to it, at a short
 * one after a space, at any label after a wide gap; not at a colon inside
 * brackets. Labels and values copied column by column give nothing. */
static void test_value_ends(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    para(doc, "编制单位：山东青禾环保科技有限公司编制日期：2024年6月");
    para(doc, "建设单位：临沂华拓医药科技有限公司 联系人：刘志远");
    para(doc, "建设地点：兰山区义堂镇（地理坐标：东经118度18分）");
    para(doc, "法定代表人：赵国庆　　　监测单位：临沂清测检测有限公司");
    para(doc, "项目名称: 建设单位: 医药原料药生产项目 临沂华拓医药科技有限公司");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "编制单位"), "山东青禾环保科技有限公司");
    assert_string_equal(value(doc, "编制日期"), "2024年6月");
    assert_string_equal(value(doc, "建设单位"), "临沂华拓医药科技有限公司");
    assert_string_equal(value(doc, "联系人"), "刘志远");
    assert_string_equal(value(doc, "建设地点"), "兰山区义堂镇（地理坐标：东经118度18分）");
    assert_string_equal(value(doc, "法定代表人"), "赵国庆");
    assert_string_equal(value(doc, "监测单位"), "临沂清测检测有限公司");
    assert_null(fl_doc_field(doc, "项目名称"));
    assert_int_equal(doc->nfields, 7);
    fl_doc_free(doc);
}

/* Lines with tabs copied from a table: known labels pair with the next
 * cell; a data row and a header row give nothing. */
static void test_tab_rows(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    para(doc, "总投资（万元）\t5000\t其中：环保投资（万元）\t85");
    para(doc, "项目名称\t医药原料药生产项目");
    para(doc, "序号\t设备名称\t数量\t备注");
    para(doc, "1\t反应釜\t4台\t新增");
    para(doc, "1、大气环境：\t厂界外500米范围内无环境空气保护目标。");
    para(doc, "建设单位：临沂华拓医药科技有限公司\t联系人\t刘志远");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "总投资(万元)"), "5000");
    assert_string_equal(value(doc, "环保投资(万元)"), "85");
    assert_string_equal(value(doc, "项目名称"), "医药原料药生产项目");
    assert_string_equal(value(doc, "大气环境"), "厂界外500米范围内无环境空气保护目标。");
    assert_string_equal(value(doc, "建设单位"), "临沂华拓医药科技有限公司");
    assert_string_equal(value(doc, "联系人"), "刘志远");
    assert_int_equal(doc->nfields, 6);
    fl_doc_free(doc);
}

/* Colons that do not make fields: lists of drawings and attachments,
 * captions, titles of standards, times, notes, introductions; contents and
 * list items flagged by the section reader. */
static void test_not_fields(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    para(doc, "附图1：项目地理位置图");
    para(doc, "附件2：临沂市兰山区行政审批服务局备案证明");
    para(doc, "附表：建设项目污染物排放量汇总表");
    para(doc, "表2-1：项目组成一览表");
    para(doc, "图1 厂区平面布置图");
    para(doc, "执行《污水排入城镇下水道水质标准 第7部分：其他行业》");
    para(doc, "监测时间10：30—11:30");
    para(doc, "注：括号内为监测点位编号。");
    para(doc, "主要生产设备见下表：");
    para(doc, "根据调查：项目周边500米内无学校。");
    para(doc, "本项目生产工艺流程为：投料→反应→结晶→离心→干燥→包装。");
    para(doc, "项目名称：医药原料药生产项目");
    doc->blocks[doc->nblocks - 1].flags |= FL_BF_LIST;
    para(doc, "建设单位……………………3");
    doc->blocks[doc->nblocks - 1].flags |= FL_BF_TOC;
    fl_doc_finish(doc);
    assert_int_equal(doc->nfields, 0);
    fl_doc_free(doc);
}

/* Soil plans state the project's units in sentences: read for the role
 * labels only, after every other field, so the table's value stays first. */
static void test_prose_roles(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目单位", "湘阴县土壤污染防治项目管理中心", NULL);
    para(doc, "本项目的项目单位为湘阴县农业农村局，项目立项批复单位为湘阴县发展和改革局，"
              "实施方案审查单位为岳阳市生态环境局湘阴分局。");
    para(doc, "项目实施单位由湘阴县城市建设投资有限公司承担。");
    para(doc, "监理工作由湖南中正工程监理有限公司承担，项目单位由地方人民政府或其指定的部门、单位承担。");
    para(doc, "原则上项目立项批复单位、项目实施方案审查单位不得作为项目单位。");
    para(doc, "项目单位为落实主体责任的单位，应当建立项目档案。");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目单位"), "湘阴县土壤污染防治项目管理中心");
    assert_int_equal(count(doc, "项目单位"), 2);
    assert_string_equal(doc->fields[1].name, "项目单位");
    assert_string_equal(doc->fields[1].value, "湘阴县农业农村局");
    assert_string_equal(value(doc, "立项批复单位"), "湘阴县发展和改革局");
    assert_string_equal(value(doc, "实施方案审查单位"), "岳阳市生态环境局湘阴分局");
    assert_int_equal(line(doc, "实施方案审查单位"), 3);
    assert_string_equal(value(doc, "项目实施单位"), "湘阴县城市建设投资有限公司");
    assert_null(fl_doc_field(doc, "监理工作"));
    assert_int_equal(doc->nfields, 5);
    fl_doc_free(doc);
    /* table labels with 项目 in front also give the names rules read */
    doc = load("a.md", "| 项目立项批复单位 | 湘阴县发展和改革局 |\n|---|---|\n| 项目实施方案审查单位 | 岳阳市生态环境局 |\n");
    assert_string_equal(value(doc, "立项批复单位"), "湘阴县发展和改革局");
    assert_string_equal(value(doc, "实施方案审查单位"), "岳阳市生态环境局");
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

/* The unit a line above a table names ("一、建设单位情况" typed as a
 * paragraph, the rows in a table of their own, as a .txt export gives them)
 * qualifies the rows' 单位名称 and code like a group row inside the table. */
static void test_group_line_above_table(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.txt");
    para(doc, "一、建设单位情况");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "单位名称（盖章）", "乙公司", NULL);
    row(doc, t, 2, 0, "统一社会信用代码", "91370811MA3R8KQ279", NULL);
    para(doc, "二、编制单位情况");
    t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "单位名称（盖章）", "丁环境科技有限公司", NULL);
    row(doc, t, 2, 0, "统一社会信用代码", "91370102MA3C5PQ1XB", NULL);
    para(doc, "三、编制人员情况");
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "建设单位"), "乙公司");
    assert_string_equal(value(doc, "编制单位统一社会信用代码"), "91370102MA3C5PQ1XB");
    assert_string_equal(value(doc, "建设单位统一社会信用代码"), "91370811MA3R8KQ279");
    fl_doc_free(doc);
}

/* Fields of a notice's contact line parted by semicolons; a value that only
 * holds a semicolon and another word with a colon stays one value; a title
 * glued before the first label of a cover run into one line. */
static void test_semicolons_and_glued_title(void **state)
{
    (void)state;
    fl_doc *doc = load("n.txt", "建设单位：甲公司\n联系电话：0731-88561234；传真：0731-88561235；邮箱：jia@example.cn\n"
                                "项目内容：土壤修复；施工期：分两期\n");
    assert_string_equal(value(doc, "联系电话"), "0731-88561234");
    assert_string_equal(value(doc, "传真"), "0731-88561235");
    assert_string_equal(value(doc, "邮箱"), "jia@example.cn");
    assert_string_equal(value(doc, "项目内容"), "土壤修复；施工期：分两期");
    assert_null(fl_doc_field(doc, "施工期"));
    fl_doc_free(doc);
    doc = load("g.txt", "建设项目环境影响报告表项目名称：赣江大道延伸段道路工程\n");
    assert_string_equal(value(doc, "项目名称"), "赣江大道延伸段道路工程");
    assert_null(fl_doc_field(doc, "建设项目环境影响报告表项目名称"));
    fl_doc_free(doc);
}

/* A checkbox label whose options are each in a cell of their own. */
static void test_option_cells(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    int t = fl_doc_new_table(doc);
    row(doc, t, 1, 0, "项目名称", "乙地块修复项目", NULL);
    row(doc, t, 2, 0, "项目类型", "□风险管控", "☑修复", "□农用地安全利用", NULL);
    row(doc, t, 3, 0, "项目单位", "乙区生态环境分局", NULL);
    fl_doc_finish(doc);
    assert_string_equal(value(doc, "项目类型"), "修复");
    assert_string_equal(value(doc, "项目单位"), "乙区生态环境分局");
    assert_int_equal(count(doc, "项目类型"), 1);
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
    assert_int_equal(fl_doc_load_memory(&doc, "a.md", md, sizeof md - 1, &err), 0);
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
    assert_int_equal(fl_doc_load_memory(&doc, "b.md", grid, sizeof grid - 1, &err), 0);
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
        cmocka_unit_test(test_caption_row_form),
        cmocka_unit_test(test_old_form_rows),
        cmocka_unit_test(test_label_row_needs_a_form),
        cmocka_unit_test(test_group_cell_left),
        cmocka_unit_test(test_grids_with_known_labels),
        cmocka_unit_test(test_value_on_next_line),
        cmocka_unit_test(test_spaced_text),
        cmocka_unit_test(test_value_ends),
        cmocka_unit_test(test_tab_rows),
        cmocka_unit_test(test_not_fields),
        cmocka_unit_test(test_prose_roles),
        cmocka_unit_test(test_option_cells),
        cmocka_unit_test(test_group_line_above_table),
        cmocka_unit_test(test_semicolons_and_glued_title),
        cmocka_unit_test(test_ocr_checkbox_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
